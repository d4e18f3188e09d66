using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace CarteBlanche.BrowserTests;

/// <summary>The site in a real Chromium: sign-in, the State design system, keyboard, accessibility, CSP.</summary>
public sealed class SiteTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string AdminEmail = "admin@demo.carteblanche.fr";
    private const string CoordinatorEmail = "coordinator@demo.carteblanche.fr";

    [Fact]
    public async Task Admin_signs_in_through_the_form_sees_the_comptes_link_and_signs_out()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;

        await session.SignInAsync(AdminEmail, BrowserApp.DemoPassword);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Alice Administratrice");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Comptes", Exact = true })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Comptes", Exact = true })).ToHaveAttributeAsync("href", "/admin/comptes");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/connexion").ToString());
        await Expect(page.GetByText("Vous êtes déconnecté.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Comptes", Exact = true })).ToHaveCountAsync(0);
        session.AssertCleanConsole();
    }

    [Fact]
    public async Task A_visitor_finds_the_bus_in_their_commune_a_france_services_and_the_news_feed_from_the_home_page()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        await page.GetByLabel("Ma commune", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pradines" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir le prochain passage" }).ClickAsync();
        var answer = page.Locator("#prochain-passage");
        await Expect(answer).ToContainTextAsync("Pradines");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Les France Services du territoire" })).ToBeVisibleAsync();
        await Expect(page.GetByText("horaires : lun").First).ToBeVisibleAsync();
        var feed = page.GetByRole(AriaRole.Link, new() { Name = "S'abonner aux actualités (flux Atom)" });
        await Expect(feed).ToHaveAttributeAsync("href", "/reseau/actualites/46/atom.xml");
        await Accessibility.AssertAccessibleAsync(page, "accueil public avec une commune");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Tous les passages|Être prévenu des prochains passages) à Pradines") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Pradines");
        session.AssertCleanConsole();
    }

    [Fact]
    public async Task An_admin_invites_an_agent_with_a_workplace_by_clicking_from_the_home_page()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(AdminEmail, BrowserApp.DemoPassword);
        var email = $"agent.{Guid.NewGuid():N}@exemple.fr";

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Comptes", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Inviter une personne" }).ClickAsync();
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Prénom et nom").FillAsync("Lucas Nouvel");
        await page.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "CA du Grand Cahors" });
        await page.Locator("label[for=role-Agent]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();
        // An agent needs a workplace: the form says so next to the field.
        await Expect(page.Locator("#Input_SiteId-error, .fr-error-text").First).ToContainTextAsync("lieu de travail");
        await page.GetByLabel("Lieu de travail").SelectOptionAsync(new SelectOptionValue { Label = "France Services du Grand Cahors" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();
        await Expect(page.GetByText($"Invitation envoyée à {email}")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "comptes après une invitation");
        session.AssertCleanConsole();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_next_to_the_form()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync("coordinator@demo.carteblanche.fr");
        await page.GetByLabel("Mot de passe").FillAsync("Pas-le-bon-mot-de-passe-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Expect(page.GetByText("Adresse e-mail ou mot de passe incorrect.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Connexion à Carte Blanche");
        session.AssertCleanConsole();
    }

    [Fact]
    public async Task The_dsfr_stylesheet_loads_and_styles_the_page()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        var stylesheet = page.WaitForResponseAsync(r => new Uri(r.Url).AbsolutePath == "/lib/dsfr/dsfr.min.css");

        await page.GotoAsync("/");

        var response = await stylesheet;
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/css", await response.HeaderValueAsync("content-type") ?? "", StringComparison.Ordinal);
        // DSFR's typeface and its header layout, as computed by the browser.
        var font = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.Contains("Marianne", font, StringComparison.Ordinal);
        var headerDisplay = await page.Locator("header.fr-header .fr-header__body-row").EvaluateAsync<string>("e => getComputedStyle(e).display");
        Assert.Equal("flex", headerDisplay);
        await Expect(page.Locator(".fr-skiplinks")).Not.ToBeInViewportAsync();
        session.AssertCleanConsole();
    }

    [Fact]
    public async Task The_first_tab_focuses_the_skip_link_to_the_content()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Contenu", Exact = true });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeVisibleAsync();
        await Expect(skipLink).ToHaveAttributeAsync("href", "#contenu");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/#contenu").ToString());
        await Expect(page.Locator("main#contenu")).ToBeFocusedAsync();
        session.AssertCleanConsole();
    }

    [Theory]
    [InlineData("home, anonymous", "/", false, 200)]
    [InlineData("sign-in page", "/connexion", false, 200)]
    [InlineData("home, signed in as admin", "/", true, 200)]
    [InlineData("404 error page", "/cette-page-n-existe-pas", true, 404)]
    [InlineData("404 error page, anonymous", "/erreur/404", false, 404)]
    [InlineData("accounts list", "/admin/comptes", true, 200)]
    [InlineData("invitation form", "/admin/comptes/inviter", true, 200)]
    [InlineData("audit journal", "/admin/audit", true, 200)]
    [InlineData("communes", "/territoire/communes", true, 200)]
    [InlineData("organisations", "/territoire/organisations", true, 200)]
    [InlineData("places", "/territoire/lieux", true, 200)]
    [InlineData("place form", "/territoire/lieux/modifier", true, 200)]
    [InlineData("site figures, all sites", "/chiffres", true, 200)]
    [InlineData("my account", "/compte", true, 200)]
    [InlineData("second factor", "/compte/doubleauthentification", true, 200)]
    [InlineData("partner news", "/reseau/actualites", true, 200)]
    [InlineData("publish a news item", "/reseau/actualites/publier", true, 200)]
    [InlineData("partner directory", "/reseau/annuaire", true, 200)]
    [InlineData("partner directory, search", "/reseau/annuaire?q=caf", true, 200)]
    [InlineData("questions to re-route", "/reseau/sollicitations", true, 200)]
    [InlineData("notification preference", "/reseau/notifications", true, 200)]
    [InlineData("published answer times, anonymous", "/reseau/delais", false, 200)]
    [InlineData("bus stops", "/car/arrets", true, 200)]
    [InlineData("bus stop form", "/car/arrets/46013", true, 200)]
    [InlineData("bus planning", "/car/planification", true, 200)]
    [InlineData("bus figures", "/car/chiffres", true, 200)]
    [InlineData("bus crew", "/car/equipage", true, 200)]
    [InlineData("my days in the bus", "/car/mes-journees", true, 200)]
    [InlineData("bus, commune page with subscription form, anonymous", "/car/communes/46013", false, 200)]
    [InlineData("bus, unsubscribe with an unknown link, anonymous", "/car/desabonnement/inconnu", false, 200)]
    [InlineData("bus, subscription confirmation with an unknown link, anonymous", "/car/abonnement/inconnu", false, 200)]
    public async Task Pages_have_no_serious_or_critical_accessibility_violation(string name, string path, bool signedIn, int status)
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        if (signedIn)
        {
            await session.SignInAsync(AdminEmail, BrowserApp.DemoPassword);
        }

        var response = await page.GotoAsync(path);
        Assert.Equal(status, response!.Status);

        await Accessibility.AssertAccessibleAsync(page, $"{name} ({path})");
        session.AssertCleanConsole();
    }

    [Fact]
    public async Task The_site_figures_page_has_no_serious_or_critical_accessibility_violation_for_a_coordinator()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(CoordinatorEmail, BrowserApp.DemoPassword);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Chiffres", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chiffres de tous les lieux d'accueil");
        await page.GetByLabel("Lieu d'accueil").SelectOptionAsync(new SelectOptionValue { Label = "France Services du Grand Cahors" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chiffres de France Services du Grand Cahors");
        await Expect(page.GetByRole(AriaRole.Table).First).ToBeVisibleAsync();

        await Accessibility.AssertAccessibleAsync(page, "site figures");
        session.AssertCleanConsole();
    }
}
