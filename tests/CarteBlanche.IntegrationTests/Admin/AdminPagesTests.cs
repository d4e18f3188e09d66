using System.Text.RegularExpressions;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace CarteBlanche.IntegrationTests.Admin;

/// <summary>Accounts, audit and territory pages as an administrator and a coordinator use them; on SQLite and PostgreSQL.</summary>
public abstract partial class AdminPagesTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task Invitation_by_email_lets_the_person_choose_a_password_and_sign_in_once()
    {
        using var admin = await SignedInClientAsync(Roles.Admin);
        var email = $"marie.{Guid.NewGuid():N}@caf.example.fr";
        var cafId = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "CAF du Lot").Select(o => o.Id).SingleAsync());

        using var invited = await Html.PostFormAsync(admin, "/admin/comptes/inviter",
        [
            new("Input.Email", email), new("Input.DisplayName", "Marie Dupont"),
            new("Input.OrganisationId", cafId.ToString()), new("Input.Roles", Roles.PartnerReferent),
        ]);
        Assert.Contains($"Invitation envoyée à {email}", await invited.ReadPageAsync(), StringComparison.Ordinal);

        var link = await SentInvitationLinkAsync(email);
        using var visitor = Factory.CreateBrowserClient();
        using var weak = await Html.PostFormAsync(visitor, link, [new("Password", "court"), new("Confirmation", "court")]);
        var weakPage = await weak.ReadPageAsync();
        Assert.Contains("au moins 12 caractères", weakPage, StringComparison.Ordinal);
        Assert.Contains("au moins un chiffre", weakPage, StringComparison.Ordinal);

        using var accepted = await Html.PostFormAsync(visitor, link, [new("Password", "Marie-Dupont-2026!"), new("Confirmation", "Marie-Dupont-2026!")]);
        Assert.Contains("Votre mot de passe est enregistré", await accepted.ReadPageAsync(), StringComparison.Ordinal);

        using var again = await visitor.GetAsync(link);
        Assert.Contains("Lien invalide ou expiré", await again.ReadPageAsync(), StringComparison.Ordinal);

        using var signedIn = await Html.SignInAsync(Factory.CreateBrowserClient(), email, "Marie-Dupont-2026!");
        Assert.Contains("Bonjour Marie Dupont", await signedIn.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invited_agent_gets_a_site_and_works_there_and_an_agent_without_one_is_flagged()
    {
        using var admin = await SignedInClientAsync(Roles.Admin);
        var email = $"nouvel.agent.{Guid.NewGuid():N}@example.fr";
        var organisationId = await Factory.WithDbAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Email", email), new("Input.DisplayName", "Jeanne Nouvelle"),
            new("Input.OrganisationId", organisationId.ToString()), new("Input.Roles", Roles.Agent),
        };

        // No site: refused with the reason, nothing stored.
        using var refused = await Html.PostFormAsync(admin, "/admin/comptes/inviter", fields);
        Assert.Contains("Choisissez le lieu de travail", await refused.ReadPageAsync(), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var siteId = await Factory.WithDbAsync(db => db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync());
        using var invited = await Html.PostFormAsync(admin, "/admin/comptes/inviter", [.. fields, new("Input.SiteId", siteId.ToString())]);
        var link = await SentInvitationLinkAsync(email);
        using var visitor = Factory.CreateBrowserClient();
        using var accepted = await Html.PostFormAsync(visitor, link, [new("Password", "Jeanne-Nouvelle-2026!"), new("Confirmation", "Jeanne-Nouvelle-2026!")]);
        Assert.Contains("Votre mot de passe est enregistré", await accepted.ReadPageAsync(), StringComparison.Ordinal);
        using var agent = Factory.CreateBrowserClient();
        using var signedIn = await Html.SignInAsync(agent, email, "Jeanne-Nouvelle-2026!");
        Assert.Contains("Bonjour Jeanne Nouvelle", await signedIn.ReadPageAsync(), StringComparison.Ordinal);
        using var guichet = await agent.GetAsync("/guichet");
        var page = await guichet.ReadPageAsync();
        Assert.DoesNotContain("n'est rattaché à aucun lieu", page, StringComparison.Ordinal);
        Assert.Contains("Mon guichet", page, StringComparison.Ordinal);

        // An agent whose site was removed is flagged in the list of accounts.
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(a => a.SiteId, (Guid?)null)));
        using var list = await admin.GetAsync($"/admin/comptes?q={Uri.EscapeDataString(email)}");
        Assert.Contains("Sans lieu de travail", await list.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_expires_after_72_hours()
    {
        using var admin = await SignedInClientAsync(Roles.Admin);
        var email = $"tardif.{Guid.NewGuid():N}@example.fr";
        var organisationId = await Factory.WithDbAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var siteId = await Factory.WithDbAsync(db => db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync());
        using var invited = await Html.PostFormAsync(admin, "/admin/comptes/inviter",
        [
            new("Input.Email", email), new("Input.DisplayName", "Paul Tardif"),
            new("Input.OrganisationId", organisationId.ToString()), new("Input.Roles", Roles.Agent), new("Input.SiteId", siteId.ToString()),
        ]);
        var link = await SentInvitationLinkAsync(email);

        // 73 hours later, as far as the invitation is concerned.
        await Factory.WithDbAsync(async db =>
        {
            var accountId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var invitation = await db.Invitations.SingleAsync(i => i.AccountId == accountId);
            invitation.ExpiresAt = invitation.CreatedAt - TimeSpan.FromHours(1);
            return await db.SaveChangesAsync();
        });

        using var visitor = Factory.CreateBrowserClient();
        using var page = await visitor.GetAsync(link);
        Assert.Contains("Lien invalide ou expiré", await page.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_an_existing_address_or_an_empty_form_says_what_is_wrong_and_stores_nothing()
    {
        using var admin = await SignedInClientAsync(Roles.Admin);
        var before = await Factory.WithDbAsync(db => db.Users.CountAsync());

        using var duplicate = await Html.PostFormAsync(admin, "/admin/comptes/inviter",
        [
            new("Input.Email", DemoData.EmailFor(Roles.Agent)), new("Input.DisplayName", "Doublon"),
            new("Input.OrganisationId", Guid.Empty.ToString()),
        ]);
        var page = await duplicate.ReadPageAsync();
        Assert.Contains("Un compte existe déjà avec cette adresse e-mail.", page, StringComparison.Ordinal);
        Assert.Contains("Choisissez l'organisation de la personne.", page, StringComparison.Ordinal);
        Assert.Contains("Choisissez au moins un rôle.", page, StringComparison.Ordinal);

        using var empty = await Html.PostFormAsync(admin, "/admin/comptes/inviter", []);
        var emptyPage = await empty.ReadPageAsync();
        Assert.Contains("Saisissez l'adresse e-mail de la personne à inviter.", emptyPage, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", emptyPage, StringComparison.Ordinal);

        Assert.Equal(before, await Factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_deactivation_needs_a_confirmation()
    {
        var email = await CreateAccountAsync(Roles.SocialWorker);
        var id = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var admin = await SignedInClientAsync(Roles.Admin);
        var page = $"/admin/comptes/modifier/{id}";

        using var unconfirmed = await Html.PostFormAsync(admin, page, [], $"{page}?handler=Activation&activate=false");
        Assert.Contains("Cochez la case pour confirmer la désactivation.", await unconfirmed.ReadPageAsync(), StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));

        using var confirmed = await Html.PostFormAsync(admin, page, [new("ConfirmDeactivation", "true")], $"{page}?handler=Activation&activate=false");
        Assert.Contains("est désactivé", await confirmed.ReadPageAsync(), StringComparison.Ordinal);

        using var refused = await Html.SignInAsync(Factory.CreateBrowserClient(), email, CarteBlancheFactory.DemoPassword);
        var refusedPage = await refused.ReadPageAsync();
        Assert.Contains("Ce compte a été désactivé", refusedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Bonjour", refusedPage, StringComparison.Ordinal);

        // Someone who does not know the password learns nothing about the account.
        using var guess = await Html.SignInAsync(Factory.CreateBrowserClient(), email, "Pas-le-bon-mot-2026!");
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await guess.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_changed_by_an_admin_show_in_the_list_and_a_stale_form_is_refused()
    {
        var email = await CreateAccountAsync(Roles.Agent);
        var id = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var admin = await SignedInClientAsync(Roles.Admin);
        var page = $"/admin/comptes/modifier/{id}";
        using var form = await admin.GetAsync(page);
        var html = await form.Content.ReadAsStringAsync();
        var stamp = StampInput().Match(html).Groups[1].Value;
        var organisationId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.OrganisationId).SingleAsync());
        KeyValuePair<string, string>[] fields =
        [
            new("Input.DisplayName", "Agnès Changée"), new("Input.OrganisationId", organisationId.ToString()),
            new("Input.Roles", Roles.Agent), new("Input.Roles", Roles.SocialWorker), new("Input.ConcurrencyStamp", stamp),
        ];

        using var saved = await Html.PostFormAsync(admin, page, fields);
        Assert.Contains("Le compte de Agnès Changée a été enregistré.", await saved.ReadPageAsync(), StringComparison.Ordinal);

        // The same form again: the account changed since it was loaded.
        using var stale = await Html.PostFormAsync(admin, page, fields);
        Assert.Contains("modifié entre-temps", await stale.ReadPageAsync(), StringComparison.Ordinal);

        using var list = await admin.GetAsync("/admin/comptes?q=agnes");
        var listPage = await list.ReadPageAsync();
        Assert.Contains("Agnès Changée", listPage, StringComparison.Ordinal);
        Assert.Contains("Agent polyvalent, Travailleur social", listPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_page_lists_sign_ins_and_verifies_the_chain()
    {
        using var admin = await SignedInClientAsync(Roles.Admin);

        using var list = await admin.GetAsync("/admin/audit?evenement=SECURITY.SIGN-IN");
        var page = await list.ReadPageAsync();
        Assert.Contains("security.sign-in", page, StringComparison.Ordinal);
        Assert.Contains("Alice Administratrice", page, StringComparison.Ordinal);
        // Each line says in French what happened (the code stays beside it, for searching).
        Assert.Matches(@"<td>Connexion<br /><span class=""fr-text--xs"">security\.sign-in</span></td>", page);

        using var verified = await Html.PostFormAsync(admin, "/admin/audit", [], "/admin/audit?handler=Verify");
        Assert.Contains("Journal intact", await verified.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commune_search_ignores_accents_and_case()
    {
        using var agent = await SignedInClientAsync(Roles.Agent);

        using var response = await agent.GetAsync("/territoire/communes?q=SAINT%20GERY");
        var page = await response.ReadPageAsync();

        Assert.Contains("Saint Géry-Vers", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Cahors</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_with_an_unknown_commune_or_unreadable_hours_is_refused_with_the_reason()
    {
        using var coordinator = await SignedInClientAsync(Roles.Coordinator);
        var before = await Factory.WithDbAsync(db => db.Places.CountAsync());

        using var refused = await Html.PostFormAsync(coordinator, "/territoire/lieux/modifier",
        [
            new("Input.Name", "Arrêt de la place"), new("Input.Kind", "BusStop"), new("Input.CommuneInseeCode", "99999"),
            new("Input.OpeningHours", "lum-ven 09:00-12:00"), new("Input.IsActive", "true"),
        ]);
        var page = await refused.ReadPageAsync();
        Assert.Contains("Commune inconnue : aucune commune du territoire n'a le code INSEE « 99999 ».", page, StringComparison.Ordinal);
        Assert.Contains("Horaires illisibles", page, StringComparison.Ordinal);
        Assert.Contains("lum", page, StringComparison.Ordinal);
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Places.CountAsync()));

        using var created = await Html.PostFormAsync(coordinator, "/territoire/lieux/modifier",
        [
            new("Input.Name", "Arrêt du car, place de la mairie"), new("Input.Kind", "BusStop"), new("Input.CommuneInseeCode", "46210"),
            new("Input.Latitude", "44,5506"), new("Input.Longitude", "1.4"),
            new("Input.OpeningHours", "mar 09:00-12:00"), new("Input.IsActive", "true"),
        ]);
        Assert.Contains("a été enregistré", await created.ReadPageAsync(), StringComparison.Ordinal);
        var place = await Factory.WithDbAsync(db => db.Places.SingleAsync(p => p.Name == "Arrêt du car, place de la mairie"));
        Assert.Equal("46210", place.CommuneInseeCode);
        Assert.Equal(44.5506, place.Latitude);
    }

    private Task<HttpClient> SignedInClientAsync(string role) => Factory.SignedInClientAsync(DemoData.EmailFor(role));

    private async Task<string> SentInvitationLinkAsync(string email)
    {
        await Factory.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        var id = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == email).Select(m => m.Id).SingleAsync());
        var message = await MimeMessage.LoadAsync(Path.Combine(Factory.Database.MailDirectory, $"{id:N}.eml"));
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        var match = InvitationLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, "no invitation link in:\n" + message.TextBody);
        return match.Groups[1].Value;
    }

    private Task<string> CreateAccountAsync(string role) =>
        Factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
            var db = sp.GetRequiredService<CarteBlancheDbContext>();
            var email = $"compte-{Guid.NewGuid():N}@test.carteblanche.fr";
            var account = new Account
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Agnès Essai",
                OrganisationId = await db.Organisations.Select(o => o.Id).FirstAsync(),
                LockoutEnabled = true,
            };
            Assert.True((await users.CreateAsync(account, CarteBlancheFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(account, role);
            return email;
        });

    [GeneratedRegex(@"http://localhost(/invitation/[A-Za-z0-9_\-]+)")]
    private static partial Regex InvitationLink();

    [GeneratedRegex("name=\"Input.ConcurrencyStamp\" value=\"([^\"]*)\"")]
    private static partial Regex StampInput();
}

public sealed class SqliteAdminPagesTests(SqliteFactory factory) : AdminPagesTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAdminPagesTests(PostgresFactory factory) : AdminPagesTests(factory), IClassFixture<PostgresFactory>;
