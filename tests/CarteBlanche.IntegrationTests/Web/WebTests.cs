using System.Net;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Web;

/// <summary>The web app as a visitor and as each demo account sees it; run on SQLite and on PostgreSQL.</summary>
public abstract class WebTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task Home_page_is_in_french()
    {
        using var client = Factory.CreateBrowserClient();

        using var response = await client.GetAsync("/");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"fr\"", page, StringComparison.Ordinal);
        Assert.Contains("Carte Blanche", page, StringComparison.Ordinal);
        Assert.Contains("Se connecter", page, StringComparison.Ordinal);
        // The reference territory is loaded at start: its communes are counted on the home page.
        // (French number format: narrow no-break space between thousands.)
        Assert.Matches(@"\(\d+ communes, \d{1,3}(\u202F\d{3})* habitants\)", page);
    }

    [Fact]
    public async Task Health_checks_report_healthy()
    {
        using var client = Factory.CreateBrowserClient();

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/connexion")]
    [InlineData("/page-qui-n-existe-pas")]
    [InlineData("/health/ready")]
    public async Task Responses_carry_the_security_headers(string path)
    {
        using var client = Factory.CreateBrowserClient(followRedirects: false);

        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Unknown_address_shows_the_french_404_page()
    {
        using var client = await SignedInClientAsync(Roles.Agent);

        using var response = await client.GetAsync("/cette/page/n-existe-pas");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page non trouvée", page, StringComparison.Ordinal);
        Assert.Contains("Erreur 404", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_page_renders_in_french_with_its_status()
    {
        using var client = Factory.CreateBrowserClient();

        using var notFound = await client.GetAsync("/erreur/404");
        using var forbidden = await client.GetAsync("/erreur/403");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("Page non trouvée", await notFound.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("Accès refusé", await forbidden.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitor_of_an_admin_page_is_sent_to_sign_in()
    {
        using var client = Factory.CreateBrowserClient(followRedirects: false);

        using var response = await client.GetAsync("/admin/comptes");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/connexion", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fcomptes", location.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string> AllRoles => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_demo_account_signs_in_and_sees_its_navigation(string role)
    {
        using var client = Factory.CreateBrowserClient();

        using var response = await Html.SignInAsync(client, DemoData.EmailFor(role), CarteBlancheFactory.DemoPassword);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Bonjour ", page, StringComparison.Ordinal);
        Assert.Contains(Roles.FrenchName(role), page, StringComparison.Ordinal);
        Assert.Contains("Se déconnecter", page, StringComparison.Ordinal);

        var navigation = Html.Navigation(page);
        var isAdmin = role == Roles.Admin;
        var readsTerritory = role is Roles.Agent or Roles.SocialWorker or Roles.Coordinator or Roles.Admin;
        var editsTerritory = role is Roles.Coordinator or Roles.Admin;
        // « Mon compte » is in the header's tools (copied into the menu on a phone), not a menu entry of its own.
        Assert.Contains("href=\"/compte\"", page[..page.IndexOf("<nav class=\"fr-nav\"", StringComparison.Ordinal)], StringComparison.Ordinal);
        AssertLink(navigation, "/admin/comptes", isAdmin);
        AssertLink(navigation, "/admin/audit", isAdmin);
        AssertLink(navigation, "/territoire/communes", readsTerritory);
        AssertLink(navigation, "/chiffres", readsTerritory);
        AssertLink(navigation, "/territoire/organisations", editsTerritory);
        AssertLink(navigation, "/territoire/lieux", editsTerritory);
        // Outside the navigation too: no admin link at all for anyone else.
        Assert.Equal(isAdmin, page.Contains("href=\"/admin/comptes\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admin_sees_the_comptes_link_and_agent_does_not()
    {
        using var admin = await SignedInClientAsync(Roles.Admin);
        using var agent = await SignedInClientAsync(Roles.Agent);

        var adminNavigation = Html.Navigation(await (await admin.GetAsync("/")).ReadPageAsync());
        var agentNavigation = Html.Navigation(await (await agent.GetAsync("/")).ReadPageAsync());

        Assert.Contains(">Comptes</a>", adminNavigation, StringComparison.Ordinal);
        Assert.DoesNotContain(">Comptes</a>", agentNavigation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_french_message()
    {
        using var client = Factory.CreateBrowserClient();

        using var response = await Html.SignInAsync(client, DemoData.EmailFor(Roles.Coordinator), "Mauvais-mot-de-passe-1!");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/connexion", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Bonjour", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_account_gets_the_same_message_as_a_wrong_password()
    {
        using var client = Factory.CreateBrowserClient();

        using var response = await Html.SignInAsync(client, "personne@demo.carteblanche.fr", CarteBlancheFactory.DemoPassword);

        Assert.Contains("Adresse e-mail ou mot de passe incorrect", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var email = await CreateAccountAsync(Roles.Agent);
        using var client = Factory.CreateBrowserClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await Html.SignInAsync(client, email, "Mauvais-mot-de-passe-1!");
            var page = await failed.ReadPageAsync();
            Assert.True(page.Contains("Adresse e-mail ou mot de passe incorrect", StringComparison.Ordinal), $"attempt {attempt}");
        }
        using var fifth = await Html.SignInAsync(client, email, "Mauvais-mot-de-passe-1!");
        Assert.Contains("verrouillé", await fifth.ReadPageAsync(), StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Users, u => u.Email == email && u.LockoutEnd != null)));

        using var rightPassword = await Html.SignInAsync(client, email, CarteBlancheFactory.DemoPassword);
        var afterLock = await rightPassword.ReadPageAsync();
        Assert.Contains("verrouillé", afterLock, StringComparison.Ordinal);
        Assert.DoesNotContain("Bonjour", afterLock, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var client = await SignedInClientAsync(Roles.SocialWorker);

        using var signedOut = await Html.PostWithTokenAsync(client, "/", "/deconnexion");
        var page = await signedOut.ReadPageAsync();

        Assert.Equal("/connexion", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Vous êtes déconnecté", page, StringComparison.Ordinal);
        var home = await (await client.GetAsync("/")).ReadPageAsync();
        Assert.DoesNotContain("Bonjour", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_no_longer_opens_resident_pages()
    {
        var email = await CreateAccountAsync(Roles.Agent);
        using var browser = Factory.CreateBrowserClient(followRedirects: false);
        using var signedIn = await Html.SignInAsync(browser, email, CarteBlancheFactory.DemoPassword);
        var copy = SessionCookies(signedIn);
        using var thief = CookielessClient(copy);
        using (var before = await thief.GetAsync("/usagers"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signedOut = await Html.PostWithTokenAsync(browser, "/", "/deconnexion");

        using var after = await thief.GetAsync("/usagers");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/connexion", after.Headers.Location!.IsAbsoluteUri ? after.Headers.Location.AbsolutePath : after.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_change_or_a_deactivation_ends_the_open_sessions_at_once()
    {
        var email = await CreateAccountAsync(Roles.Agent);
        using var first = Factory.CreateBrowserClient(followRedirects: false);
        using var second = Factory.CreateBrowserClient(followRedirects: false);
        using var firstSession = CookielessClient(SessionCookies(await Html.SignInAsync(first, email, CarteBlancheFactory.DemoPassword)));
        Assert.Equal(HttpStatusCode.OK, (await firstSession.GetAsync("/compte")).StatusCode);

        await Factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var account = await users.FindByEmailAsync(email);
            Assert.True((await users.ChangePasswordAsync(account!, CarteBlancheFactory.DemoPassword, "Nouveau-Mot-de-passe-2026!")).Succeeded);
        });
        Assert.Equal(HttpStatusCode.Redirect, (await firstSession.GetAsync("/compte")).StatusCode);

        using var secondSession = CookielessClient(SessionCookies(await Html.SignInAsync(second, email, "Nouveau-Mot-de-passe-2026!")));
        Assert.Equal(HttpStatusCode.OK, (await secondSession.GetAsync("/compte")).StatusCode);
        await Factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var account = await users.FindByEmailAsync(email);
            var admin = await users.FindByEmailAsync(DemoData.EmailFor(Roles.Admin));
            Assert.True((await sp.GetRequiredService<AccountAdministration>().SetActiveAsync(account!.Id, false, admin!.Id)).Succeeded);
        });
        Assert.Equal(HttpStatusCode.Redirect, (await secondSession.GetAsync("/compte")).StatusCode);
    }

    [Fact]
    public async Task Opening_the_second_factor_page_neither_rotates_the_stamp_nor_ends_the_sessions()
    {
        var email = await CreateAccountAsync(Roles.Agent);
        using var client = Factory.CreateBrowserClient();
        using var other = Factory.CreateBrowserClient(followRedirects: false);
        using var otherSession = CookielessClient(SessionCookies(await Html.SignInAsync(other, email, CarteBlancheFactory.DemoPassword)));
        using var signedIn = await Html.SignInAsync(client, email, CarteBlancheFactory.DemoPassword);
        var stamp = await StampOfAsync(email);

        using var page = await client.GetAsync("/compte/doubleauthentification");
        Assert.Contains("otpauth://totp/", await page.ReadPageAsync(), StringComparison.Ordinal);
        using var again = await client.GetAsync("/compte/doubleauthentification");

        Assert.Equal(stamp, await StampOfAsync(email));
        Assert.Contains("Bonjour", await (await client.GetAsync("/")).ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await otherSession.GetAsync("/compte")).StatusCode);
    }

    [Fact]
    public async Task A_locked_account_and_an_unknown_address_get_the_same_message()
    {
        var email = await CreateAccountAsync(Roles.Agent);
        var messages = new List<string>();
        foreach (var address in new[] { email, $"personne-{Guid.NewGuid():N}@test.carteblanche.fr" })
        {
            using var client = Factory.CreateBrowserClient();
            for (var attempt = 1; attempt <= 6; attempt++)
            {
                using var failed = await Html.SignInAsync(client, address, "Mauvais-mot-de-passe-1!");
                messages.Add(ErrorSummary(await failed.ReadPageAsync()));
            }
        }

        Assert.Equal(12, messages.Count);
        Assert.All(messages, m => Assert.Equal(CarteBlanche.Web.Pages.Connexion.IndexModel.FailureMessage, m));
        Assert.True(await Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Users, u => u.Email == email && u.LockoutEnd != null)), "the real account is locked all the same");
    }

    [Fact]
    public async Task A_nul_character_in_a_form_is_refused_with_a_message_naming_the_field_and_nothing_is_stored()
    {
        using var agent = await SignedInClientAsync(Roles.Agent);
        var before = await Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<CarteBlanche.Desk.Residents.Resident>()));

        using var response = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", "Ma\0thilde"), new("Input.LastName", "Caractère-Nul"), new("Input.BirthDate", "02/06/1985"),
            new("Input.Phone", "06 55 44 33 22"), new("Input.PreferredChannel", "Phone"),
        ]);


        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Le champ « FirstName » contient un caractère nul (U+0000)", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<CarteBlanche.Desk.Residents.Resident>())));
    }

    [Fact]
    public async Task An_upload_over_60_mb_is_refused_with_the_limit_not_a_500()
    {
        using var agent = await SignedInClientAsync(Roles.Agent);
        var url = $"/reseau/solliciter/{Guid.NewGuid()}";
        using var home = await agent.GetAsync("/");
        var token = Html.AntiforgeryToken(await home.ReadPageAsync());
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Trop gros"), "Text" },
        };
        var big = new byte[61 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(big);
        content.Add(new ByteArrayContent(big), "Files", "scan.pdf");

        using var response = await agent.PostAsync(url, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Les documents envoyés dépassent au total 60 Mo : rien n'a été enregistré.", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("31/12/9999")]
    public async Task A_date_in_year_1_or_9999_is_a_field_error_not_a_500(string date)
    {
        using var admin = await SignedInClientAsync(Roles.Admin);

        using var response = await admin.GetAsync($"/admin/audit?du={Uri.EscapeDataString(date)}&au={Uri.EscapeDataString(date)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"La date « {date} » est hors des limites acceptées (années 1900 à 2200) : vérifiez l'année.", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_antiforgery_token_is_refused()
    {
        using var client = await SignedInClientAsync(Roles.SocialWorker);

        using var response = await client.PostAsync("/deconnexion", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bonjour", await (await client.GetAsync("/")).ReadPageAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Agent", "/admin/audit")]
    [InlineData("PartnerReferent", "/admin/comptes")]
    [InlineData("Helper", "/territoire/communes")]
    [InlineData("Agent", "/territoire/lieux/modifier")]
    public async Task A_role_without_the_right_gets_the_french_403_page(string role, string path)
    {
        using var client = await SignedInClientAsync(role);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Accès refusé", await response.ReadPageAsync(), StringComparison.Ordinal);
        var refusals = await Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditEntries, e => e.Action == "security.access-denied" && e.RecordId == path));
        Assert.True(refusals >= 1, $"no security.access-denied entry for {path}");
    }

    [Fact]
    public async Task Anonymous_unknown_address_is_a_404_not_a_sign_in_prompt()
    {
        using var client = Factory.CreateBrowserClient(followRedirects: false);

        using var response = await client.GetAsync("/admin/nexiste-pas");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page non trouvée", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    protected Task<HttpClient> SignedInClientAsync(string role) => Factory.SignedInClientAsync(DemoData.EmailFor(role));

    /// <summary>The session cookie (and its chunks) set by a sign-in response, as "name=value" pairs.</summary>
    private static string SessionCookies(HttpResponseMessage signedIn)
    {
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("cb.session", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }

    /// <summary>A client that sends a copied cookie header, as someone who stole it would (no cookie jar, no redirects).</summary>
    private HttpClient CookielessClient(string cookieHeader)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    private Task<string?> StampOfAsync(string email) =>
        Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp)));

    /// <summary>The messages of the form's error summary, as the visitor reads them.</summary>
    private static string ErrorSummary(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, """<div class="fr-alert fr-alert--error[^"]*"[^>]*>[\s\S]*?<ul>([\s\S]*?)</ul>""");
        Assert.True(match.Success, "no error summary in the page");
        return string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(match.Groups[1].Value, "<li>([\\s\\S]*?)</li>").Select(m => m.Groups[1].Value.Trim()));
    }

    /// <summary>A fresh account with the demo password, so that locking it disturbs no other test.</summary>
    private Task<string> CreateAccountAsync(string role) =>
        Factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var admin = await users.FindByEmailAsync(DemoData.EmailFor(Roles.Admin));
            var email = $"verrou-{Guid.NewGuid():N}@test.carteblanche.fr";
            var account = new Account
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Victor Verrou",
                OrganisationId = admin!.OrganisationId,
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(account, CarteBlancheFactory.DemoPassword);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(account, role);
            return email;
        });

    private static void AssertLink(string html, string href, bool expected) =>
        Assert.True(html.Contains($"href=\"{href}\"", StringComparison.Ordinal) == expected,
            $"{(expected ? "expected" : "did not expect")} a link to {href} in:\n{html}");
}

public sealed class SqliteWebTests(SqliteFactory factory) : WebTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresWebTests(PostgresFactory factory) : WebTests(factory), IClassFixture<PostgresFactory>;
