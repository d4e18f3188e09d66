using System.Net;
using System.Text.RegularExpressions;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Desk;

/// <summary>Mandates through their pages: creating one, acting on the resident's behalf under it, refusals, revocation, the printable form; on SQLite and PostgreSQL.</summary>
public abstract class MandateTests(CarteBlancheFactory factory)
{
    private const string Colleague = "agent.grandcahors2@demo.carteblanche.fr";
    private const string LalbenqueAgent = "agent.lalbenque@demo.carteblanche.fr";

    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task A_mandate_without_any_domain_is_refused_in_French_next_to_the_field_and_nothing_is_stored()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Ginette");

        using var response = await Html.PostFormAsync(agent, $"/mandats/nouveau/{residentId}",
        [
            new("Input.Duration", "OneMonth"), new("Input.Consent", "InPerson"), new("Input.GrantedTo", "site"),
        ]);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Le formulaire contient des erreurs", page, StringComparison.Ordinal);
        Assert.Contains("<p id=\"Input-Domains-error\" class=\"fr-error-text\">Choisissez au moins un domaine dans lequel l'usager vous autorise à agir.</p>", page, StringComparison.Ordinal);
        Assert.Contains("Confirmez que l'usager a été informé du contenu du mandat", page, StringComparison.Ordinal);
        Assert.Contains("fr-fieldset--error", page, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<Mandate>().CountAsync(m => m.ResidentId == residentId)));
    }

    [Fact]
    public async Task Acting_on_behalf_under_an_active_mandate_goes_to_the_case_timeline_and_the_audit_log()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Marthe");
        var caseId = await OpenCaseAsync(agent, residentId);
        var me = await AccountIdAsync(DemoData.EmailFor(Roles.Agent));

        var (mandateId, mandatePage) = await CreateMandateAsync(agent, residentId, me.ToString(), ["Argent", "Logement"]);
        Assert.Contains("Actif", mandatePage, StringComparison.Ordinal);
        Assert.Contains("Antoine Agent (France Services du Grand Cahors)", mandatePage, StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.Set<Mandate>().SingleAsync(m => m.Id == mandateId));
        Assert.Equal([MandateDomain.Logement, MandateDomain.Argent], stored.Domains);
        Assert.Equal(stored.StartsOn.AddMonths(1).AddDays(-1), stored.EndsOn);

        var casePage = await PostToAsync(agent, $"/demandes/{caseId}", "ActOnBehalf",
            [new("mandateDomain", "Argent"), new("onBehalfAction", "Déclaration de revenus corrigée sur impots.gouv.fr")]);

        Assert.Contains("Démarche faite pour le compte de l'usager enregistrée", casePage, StringComparison.Ordinal);
        var reference = stored.Reference;
        Assert.Contains($"Pour le compte de l'usager (Argent, mandat {reference}) : Déclaration de revenus corrigée sur impots.gouv.fr", casePage, StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<CaseEvent>().CountAsync(e => e.CaseId == caseId && e.Text.StartsWith("Pour le compte de l'usager"))));
        var use = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "mandate.use" && e.RecordId == mandateId.ToString("D")));
        Assert.Equal("Mandate", use.RecordType);
        Assert.Equal("mandate-domain-argent", use.Purpose);
        Assert.Equal(me, use.ActorId);

        using var mandateView = await agent.GetAsync($"/mandats/{mandateId}");
        var view = await mandateView.ReadPageAsync();
        Assert.Contains("Démarches faites pour le compte de l'usager", view, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acting_on_behalf_is_refused_without_a_mandate_for_another_domain_and_after_revocation()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Raymonde");
        var caseId = await OpenCaseAsync(agent, residentId);
        var caseUrl = $"/demandes/{caseId}";

        var none = await PostToAsync(agent, caseUrl, "ActOnBehalf", [new("mandateDomain", "Logement"), new("onBehalfAction", "Demande d'APL déposée")]);
        Assert.Contains("Aucun mandat actif de l'usager ne vous permet d'agir pour son compte dans le domaine « Logement ». Créez d'abord un mandat avec l'usager.", none, StringComparison.Ordinal);

        var (mandateId, _) = await CreateMandateAsync(agent, residentId, "site", ["Logement"]);
        var otherDomain = await PostToAsync(agent, caseUrl, "ActOnBehalf", [new("mandateDomain", "Justice"), new("onBehalfAction", "Demande d'aide juridictionnelle")]);
        Assert.Contains("Le mandat de l'usager ne couvre pas le domaine « Justice » (il couvre : Logement).", otherDomain, StringComparison.Ordinal);

        // Given to the whole site: a colleague of the site may use it.
        using var colleague = await Factory.SignedInClientAsync(Colleague);
        var byColleague = await PostToAsync(colleague, caseUrl, "ActOnBehalf", [new("mandateDomain", "Logement"), new("onBehalfAction", "Demande d'APL déposée sur caf.fr")]);
        Assert.Contains("Démarche faite pour le compte de l'usager enregistrée", byColleague, StringComparison.Ordinal);

        var unconfirmed = await PostToAsync(agent, $"/mandats/{mandateId}", "Revoke", []);
        Assert.Contains("Cochez la case pour confirmer que l'usager révoque ce mandat.", unconfirmed, StringComparison.Ordinal);
        Assert.Null(await Factory.WithDbAsync(db => db.Set<Mandate>().Where(m => m.Id == mandateId).Select(m => m.RevokedAt).SingleAsync()));

        var revoked = await PostToAsync(agent, $"/mandats/{mandateId}", "Revoke", [new("confirm", "true")]);
        Assert.Contains("révoqué : plus aucune démarche ne peut être faite", revoked, StringComparison.Ordinal);
        Assert.Contains("Révoqué", revoked, StringComparison.Ordinal);

        var afterRevocation = await PostToAsync(agent, caseUrl, "ActOnBehalf", [new("mandateDomain", "Logement"), new("onBehalfAction", "Suivi du dossier APL")]);
        Assert.Contains("a été révoqué par l'usager le", afterRevocation, StringComparison.Ordinal);

        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<CaseEvent>().CountAsync(e => e.CaseId == caseId && e.Text.StartsWith("Pour le compte de l'usager"))));
        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordId == mandateId.ToString("D") || e.RecordId == caseId.ToString("D")).Select(e => e.Action).ToListAsync());
        Assert.Equal(3, actions.Count(a => a == "mandate.use-denied"));
        Assert.Single(actions, a => a == "mandate.use");
        Assert.Contains("mandate.revoke", actions);
    }

    [Fact]
    public async Task A_mandate_given_by_name_cannot_be_used_by_a_colleague_of_the_same_site()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Léonie");
        var caseId = await OpenCaseAsync(agent, residentId);
        await CreateMandateAsync(agent, residentId, (await AccountIdAsync(DemoData.EmailFor(Roles.Agent))).ToString(), ["Famille"]);

        using var colleague = await Factory.SignedInClientAsync(Colleague);
        var page = await PostToAsync(colleague, $"/demandes/{caseId}", "ActOnBehalf", [new("mandateDomain", "Famille"), new("onBehalfAction", "Déclaration de naissance")]);

        Assert.Contains("Le mandat de l'usager pour le domaine « Famille » a été donné à un autre agent : vous ne pouvez pas agir pour son compte.", page, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<CaseEvent>().CountAsync(e => e.CaseId == caseId && e.Text.StartsWith("Pour le compte de l'usager"))));
    }

    [Fact]
    public async Task A_signed_paper_mandate_is_usable_only_once_its_signed_form_is_recorded()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Fernande");
        var caseId = await OpenCaseAsync(agent, residentId);
        var (mandateId, created) = await CreateMandateAsync(agent, residentId, "site", ["Travail"], consent: "SignedPaperForm");
        Assert.Contains("En attente du formulaire signé", created, StringComparison.Ordinal);

        var waiting = await PostToAsync(agent, $"/demandes/{caseId}", "ActOnBehalf", [new("mandateDomain", "Travail"), new("onBehalfAction", "Actualisation France Travail")]);
        Assert.Contains("attend le formulaire signé par l'usager", waiting, StringComparison.Ordinal);

        var recorded = await PostToAsync(agent, $"/mandats/{mandateId}", "SignedForm", [new("kept", "true")]);
        Assert.Contains("Formulaire signé enregistré", recorded, StringComparison.Ordinal);
        var allowed = await PostToAsync(agent, $"/demandes/{caseId}", "ActOnBehalf", [new("mandateDomain", "Travail"), new("onBehalfAction", "Actualisation France Travail")]);
        Assert.Contains("Démarche faite pour le compte de l'usager enregistrée", allowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_resident_page_shows_active_expired_and_revoked_mandates_as_such()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Lucienne");
        var (activeId, _) = await CreateMandateAsync(agent, residentId, "site", ["Papiers"]);
        var (revokedId, _) = await CreateMandateAsync(agent, residentId, "site", ["Transports"]);
        await PostToAsync(agent, $"/mandats/{revokedId}", "Revoke", [new("confirm", "true")]);
        var (expiredId, _) = await CreateMandateAsync(agent, residentId, "site", ["Loisirs"], duration: "OneDay");
        // A one-day mandate given a week ago.
        await Factory.WithDbAsync(async db =>
        {
            var mandate = await db.Set<Mandate>().SingleAsync(m => m.Id == expiredId);
            mandate.StartsOn = mandate.StartsOn.AddDays(-7);
            mandate.EndsOn = mandate.StartsOn;
            return await db.SaveChangesAsync();
        });

        using var response = await agent.GetAsync($"/usagers/{residentId}");
        var page = await response.ReadPageAsync();

        Assert.Contains("Mandats de l'usager", page, StringComparison.Ordinal);
        Assert.Matches($@"/mandats/{activeId}(?:(?!</tr>)[\s\S])*?Actif</p>", page);
        Assert.Matches($@"/mandats/{revokedId}(?:(?!</tr>)[\s\S])*?Révoqué</p>", page);
        Assert.Matches($@"/mandats/{expiredId}(?:(?!</tr>)[\s\S])*?Expiré</p>", page);
    }

    [Fact]
    public async Task The_printable_mandate_shows_the_resident_the_grantee_the_domains_and_the_legal_text_with_a_print_stylesheet()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Josette", "Cabrignac");
        var (mandateId, _) = await CreateMandateAsync(agent, residentId, (await AccountIdAsync(DemoData.EmailFor(Roles.Agent))).ToString(), ["Social", "Etranger"], duration: "SixMonths");

        using var response = await agent.GetAsync($"/mandats/{mandateId}/imprimer");
        var html = await response.Content.ReadAsStringAsync();
        var page = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Josette CABRIGNAC", page, StringComparison.Ordinal);
        Assert.Contains("Né(e) le 14 février 1950", page, StringComparison.Ordinal);
        Assert.Contains("Antoine Agent", page, StringComparison.Ordinal);
        Assert.Contains("Social - Santé", page, StringComparison.Ordinal);
        Assert.Contains("Étranger", page, StringComparison.Ordinal);
        Assert.Contains("6 mois : du ", page, StringComparison.Ordinal);
        Assert.Contains("autorise Antoine Agent, agent de France Services du Grand Cahors à réaliser pour mon compte les démarches administratives", page, StringComparison.Ordinal);
        Assert.Contains("Je peux révoquer ce mandat à tout moment", page, StringComparison.Ordinal);
        Assert.Contains("règlement général sur la protection des données", page, StringComparison.Ordinal);
        Assert.Contains("Signature de l'usager", page, StringComparison.Ordinal);
        Assert.Matches("<link rel=\"stylesheet\" href=\"/_content/CarteBlanche.Desk/mandat-print.css(\\?v=[^\"]+)?\"", html);

        using var stylesheet = await agent.GetAsync("/_content/CarteBlanche.Desk/mandat-print.css");
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
        var css = await stylesheet.Content.ReadAsStringAsync();
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains(".fr-header", css, StringComparison.Ordinal);
        Assert.Contains(".fr-footer", css, StringComparison.Ordinal);

        var reads = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "mandate.read" && e.RecordId == mandateId.ToString("D") && e.Purpose == "mandate-print"));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task An_agent_of_another_site_gets_403_on_a_mandate_and_the_refusal_is_journaled()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Pierrette");
        var (mandateId, _) = await CreateMandateAsync(agent, residentId, "site", ["Justice"]);

        using var other = await Factory.SignedInClientAsync(LalbenqueAgent);
        using var view = await other.GetAsync($"/mandats/{mandateId}");
        using var print = await other.GetAsync($"/mandats/{mandateId}/imprimer");
        using var create = await other.GetAsync($"/mandats/nouveau/{residentId}");

        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, print.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "mandate.access-denied" && e.RecordId == mandateId.ToString("D"))));
    }

    private static async Task<(Guid Id, string Page)> CreateMandateAsync(HttpClient agent, Guid residentId, string grantedTo, string[] domains, string duration = "OneMonth", string consent = "InPerson")
    {
        using var response = await Html.PostFormAsync(agent, $"/mandats/nouveau/{residentId}",
            domains.Select(d => new KeyValuePair<string, string>("Input.Domains", d)).Concat(
            [
                new("Input.Duration", duration), new("Input.Consent", consent), new("Input.GrantedTo", grantedTo), new("Input.ResidentInformed", "true"),
            ]));
        var page = await response.ReadPageAsync();
        Assert.True(response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/mandats/", StringComparison.Ordinal) && page.Contains("créé", StringComparison.Ordinal),
            $"the mandate was not created:\n{page}");
        return (Guid.Parse(response.RequestMessage.RequestUri.AbsolutePath.Split('/').Last()), page);
    }

    /// <summary>GET the page, then POST one of its handlers with the page's antiforgery token (and the case's version, if any); the page that follows.</summary>
    private static async Task<string> PostToAsync(HttpClient client, string url, string handler, KeyValuePair<string, string>[] fields)
    {
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var version = Regex.Match(html, "name=\"Version\" value=\"([^\"]*)\"").Groups[1].Value;
        using var response = await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(
            fields.Append(new("Version", version)).Append(new("__RequestVerificationToken", Html.AntiforgeryToken(html)))));
        return await response.ReadPageAsync();
    }

    private static async Task<Guid> CreateResidentAsync(HttpClient agent, string first, string? last = null)
    {
        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", first), new("Input.LastName", last ?? "Mandat-" + Guid.NewGuid().ToString("N")[..6]), new("Input.BirthDate", "14/02/1950"),
            new("Input.Phone", "05 65 20 00 00"), new("Input.PreferredChannel", "Phone"),
        ]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
    }

    private async Task<Guid> OpenCaseAsync(HttpClient agent, Guid residentId)
    {
        var siteId = await Factory.WithDbAsync(db => db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync());
        using var opened = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
        [
            new("Channel", "InPerson"), new("Needs[0].Domain", "Fiscalite"), new("Needs[0].Description", "Déclaration de revenus"),
            new("PlaceId", siteId.ToString()),
        ]);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return Guid.Parse(opened.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
    }

    private Task<Guid> AccountIdAsync(string email) =>
        Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

}

public sealed class SqliteMandateTests(SqliteFactory factory) : MandateTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMandateTests(PostgresFactory factory) : MandateTests(factory), IClassFixture<PostgresFactory>;
