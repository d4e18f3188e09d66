using System.Net;
using System.Text.RegularExpressions;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Procedures;
using CarteBlanche.Desk.Residents;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace CarteBlanche.IntegrationTests.Desk;

/// <summary>The agent's desk through its pages: residents, a case's whole path, site-scoped access; on SQLite and PostgreSQL.</summary>
public abstract partial class DeskTests(CarteBlancheFactory factory)
{
    private const string LalbenqueAgent = "agent.lalbenque@demo.carteblanche.fr";

    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task Bad_resident_input_is_refused_field_by_field_and_nothing_is_stored()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var before = await Factory.WithDbAsync(db => db.Set<Resident>().CountAsync());

        using var response = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", "Jeanne"), new("Input.LastName", "Martin"), new("Input.BirthDate", "12/03/2090"),
            new("Input.Phone", "06 12"), new("Input.Email", "jeanne@"), new("Input.Nir", "1 84 05 76 451 089 32"),
            new("Input.PreferredChannel", "Phone"),
        ]);
        var page = await response.ReadPageAsync();

        Assert.Contains("La date de naissance est dans le futur.", page, StringComparison.Ordinal);
        Assert.Contains("Le numéro de téléphone n'est pas valide", page, StringComparison.Ordinal);
        Assert.Contains("L'adresse e-mail n'est pas valide", page, StringComparison.Ordinal);
        Assert.Contains("La clé du numéro de sécurité sociale ne correspond pas", page, StringComparison.Ordinal);
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Set<Resident>().CountAsync()));
    }

    [Theory]
    [InlineData("pradines", "46224")]
    [InlineData("Pradines (46090)", "46224")]
    [InlineData("46000", "46042")]
    public async Task The_commune_of_a_new_resident_is_found_by_name_or_postal_code_and_stored_as_its_insee_code(string typed, string inseeCode)
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var form = await agent.GetAsync("/usagers/nouveau");
        Assert.Contains("<option value=\"Pradines (46090)\">", await form.ReadPageAsync(), StringComparison.Ordinal);
        var last = "Carles-" + Guid.NewGuid().ToString("N")[..6];

        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
            [new("Input.FirstName", "Anne"), new("Input.LastName", last), new("Input.BirthDate", "05/07/1971"), new("Input.CommuneInseeCode", typed), new("Input.PreferredChannel", "InPerson")]);

        Assert.Equal(inseeCode, await Factory.WithDbAsync(db => db.Set<Resident>().Where(r => r.LastName == last).Select(r => r.CommuneInseeCode).SingleAsync()));
    }

    [Fact]
    public async Task A_postal_code_shared_by_several_communes_or_an_unknown_name_asks_to_choose_and_stores_nothing()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var last = "Carles-" + Guid.NewGuid().ToString("N")[..6];
        KeyValuePair<string, string>[] Fields(string commune) =>
            [new("Input.FirstName", "Anne"), new("Input.LastName", last), new("Input.BirthDate", "05/07/1971"), new("Input.CommuneInseeCode", commune), new("Input.PreferredChannel", "InPerson")];

        using var shared = await Html.PostFormAsync(agent, "/usagers/nouveau", Fields("46090"));
        var page = await shared.ReadPageAsync();
        Assert.Contains("Plusieurs communes répondent à « 46090 »", page, StringComparison.Ordinal);
        Assert.Contains("Pradines (46090)", page, StringComparison.Ordinal);
        using var unknown = await Html.PostFormAsync(agent, "/usagers/nouveau", Fields("Figeac"));
        Assert.Contains("Commune inconnue : « Figeac » n'est pas une commune du territoire.", await unknown.ReadPageAsync(), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Set<Resident>().AnyAsync(r => r.LastName == last)));
    }

    [Fact]
    public async Task Texts_longer_than_their_column_get_a_french_message_and_nothing_is_stored()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var first = "Long-" + Guid.NewGuid().ToString("N")[..6];

        // A 30,000-character last name: the field says so (it used to reach the success message's cookie: 431 on every later page).
        using var refused = await Html.PostFormAsync(agent, "/usagers/nouveau",
            [new("Input.FirstName", first), new("Input.LastName", new string('a', 30_000)), new("Input.BirthDate", "05/07/1971"), new("Input.PreferredChannel", "InPerson")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Le nom dépasse 100 caractères (il y en a 30", await refused.ReadPageAsync(), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Set<Resident>().AnyAsync(r => r.FirstName == first)));
        using var next = await agent.GetAsync("/guichet");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);

        // 101 characters: refused too (the column holds 100), with the maximum shown in the form.
        using var form = await agent.GetAsync("/usagers/nouveau");
        Assert.Matches("id=\"Input_LastName\"[^>]* maxlength=\"100\"", await form.Content.ReadAsStringAsync());
        using var justOver = await Html.PostFormAsync(agent, "/usagers/nouveau",
            [new("Input.FirstName", first), new("Input.LastName", new string('b', 101)), new("Input.BirthDate", "05/07/1971"), new("Input.PreferredChannel", "InPerson")]);
        Assert.Contains("Le nom dépasse 100 caractères (il y en a 101)", await justOver.ReadPageAsync(), StringComparison.Ordinal);

        // A need of 2,001 characters.
        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
            [new("Input.FirstName", first), new("Input.LastName", "Court"), new("Input.BirthDate", "05/07/1971"), new("Input.PreferredChannel", "InPerson")]);
        var residentId = created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last();
        var site = await Factory.WithDbAsync(db => db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync());
        var cases = await Factory.WithDbAsync(db => db.Set<Case>().CountAsync());
        using var longNeed = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
            [new("Channel", "InPerson"), new("PlaceId", site.ToString()), new("Needs[0].Domain", "Famille"), new("Needs[0].Description", new string('c', 2001))]);
        Assert.Contains("Besoin 1 : la description dépasse 2 000 caractères", (await longNeed.ReadPageAsync()).Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Equal(cases, await Factory.WithDbAsync(db => db.Set<Case>().CountAsync()));

        // Far beyond any field of the app, any form is refused as a whole, before its page sees it.
        using var book = await Html.PostFormAsync(agent, "/usagers/nouveau", [new("Input.PostalAddress", new string('d', 150_000))]);
        Assert.Equal(HttpStatusCode.BadRequest, book.StatusCode);
        Assert.Contains("dépasse 100", await book.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resident_is_registered_with_encrypted_identifiers_and_a_duplicate_is_flagged()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var last = "Soulié-" + Guid.NewGuid().ToString("N")[..6];
        KeyValuePair<string, string>[] fields =
        [
            new("Input.FirstName", "Éloïse"), new("Input.LastName", last), new("Input.BirthDate", "05/07/1961"),
            new("Input.Phone", "06 98 76 54 32"), new("Input.Email", "eloise@exemple.fr"), new("Input.Nir", "2 69 05 99 350 012 01"),
            new("Input.CommuneInseeCode", "46148"), new("Input.PreferredChannel", "Email"),
        ];

        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau", fields);
        var page = await created.ReadPageAsync();
        Assert.Contains("Éloïse", page, StringComparison.Ordinal);
        Assert.Contains("2 69 05 99 350 012 01", page, StringComparison.Ordinal);
        Assert.Contains("Lalbenque", page, StringComparison.Ordinal);

        var stored = await Factory.WithDbAsync(db => db.Set<Resident>().SingleAsync(r => r.LastName == last));
        Assert.NotNull(stored.NirEncrypted);
        Assert.DoesNotContain("269059935001201", stored.NirEncrypted, StringComparison.Ordinal);

        using var again = await Html.PostFormAsync(agent, "/usagers/nouveau", fields);
        Assert.Contains("Cet usager est peut-être déjà connu", await again.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<Resident>().CountAsync(r => r.LastName == last)));

        using var search = await agent.GetAsync($"/usagers?nom={Uri.EscapeDataString("eloise " + last.ToUpperInvariant())}");
        Assert.Contains(last.ToUpperInvariant(), await search.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_goes_from_two_needs_through_a_referral_to_an_answer_by_email_and_closing()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Bernadette", "Gaillard-" + Guid.NewGuid().ToString("N")[..6], "bernadette@exemple.fr");
        var procedure = await Factory.WithDbAsync(db => db.Set<Procedure>().OrderBy(p => p.Code).FirstAsync());

        using var opened = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
        [
            new("Channel", "InPerson"),
            new("Needs[0].Domain", "Justice"), new("Needs[0].Description", "Litige avec un bailleur"),
            new("Needs[1].Domain", procedure.Domain.ToString()), new("Needs[1].Description", "Démarche en ligne à faire"), new("Needs[1].ProcedureCode", procedure.Code),
            new("PlaceId", (await SiteIdAsync(DemoData.GrandCahorsSite)).ToString()),
        ]);
        var casePage = await opened.ReadPageAsync();
        Assert.Contains("ouverte : réponse à rendre au plus tard le", casePage, StringComparison.Ordinal);
        Assert.Contains(procedure.Title, casePage, StringComparison.Ordinal);
        var caseUrl = opened.RequestMessage!.RequestUri!.AbsolutePath;
        var caseId = Guid.Parse(caseUrl.Split('/').Last());

        await ActAsync(agent, caseUrl, "Refer", [new("service", "Point-justice de Cahors"), new("referredOn", "2026-11-24")], "Orientation vers");
        await ActAsync(agent, caseUrl, "ReferralOutcome", [new("outcome", "Rendez-vous avec un conciliateur obtenu")], "Issue de l'orientation");
        await ActAsync(agent, caseUrl, "ReturnAnswer", [new("channel", "Email"), new("message", "Votre rendez-vous avec le conciliateur est fixé au 2 décembre à 14 h.")], "Réponse rendue");

        await Factory.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        var messageId = await Factory.WithDbAsync(db => db.Set<ContactRecord>().Where(c => c.CaseId == caseId).Select(c => c.OutboxMessageId).SingleAsync());
        var mail = await MimeMessage.LoadAsync(Path.Combine(Factory.Database.MailDirectory, $"{messageId:N}.eml"));
        Assert.Equal("bernadette@exemple.fr", mail.To.Mailboxes.Single().Address);
        Assert.Contains("conciliateur est fixé au 2 décembre", mail.TextBody, StringComparison.Ordinal);

        // Closing asks first: without « confirme=oui » (no JavaScript), a confirmation page that posts the same fields again.
        await ActAsync(agent, caseUrl, "Close", [new("outcome", "Resolved"), new("reason", "")], "Oui, clore la demande");
        Assert.Equal(CaseState.AnswerReturned, await Factory.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == caseId).Select(c => c.State).SingleAsync()));
        await ActAsync(agent, caseUrl, "Close", [new("outcome", "Resolved"), new("confirme", "oui")], "Demande close.");
        var stored = await Factory.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == caseId));
        Assert.Equal(CaseState.Closed, stored.State);
        Assert.Equal(ResolutionPath.Referred, stored.Path);
        Assert.Equal(CaseOutcome.Resolved, stored.Outcome);

        using var resident = await agent.GetAsync($"/usagers/{residentId}");
        Assert.Contains("conciliateur est fixé au 2 décembre", await resident.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_of_another_site_gets_403_and_both_the_view_and_the_refusal_are_journaled()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Paulette", "Vidal-" + Guid.NewGuid().ToString("N")[..6], null);
        var caseId = await OpenCaseAsync(agent, residentId);
        using (await agent.GetAsync($"/demandes/{caseId}"))
        {
        }

        using var other = await Factory.SignedInClientAsync(LalbenqueAgent);
        using var casePage = await other.GetAsync($"/demandes/{caseId}");
        using var residentPage = await other.GetAsync($"/usagers/{residentId}");

        Assert.Equal(HttpStatusCode.Forbidden, casePage.StatusCode);
        Assert.Contains("Accès refusé", await casePage.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, residentPage.StatusCode);
        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordId == caseId.ToString("D")).Select(e => e.Action).ToListAsync());
        Assert.Contains("case.read", actions);
        Assert.Contains("case.access-denied", actions);
    }

    [Fact]
    public async Task A_case_shared_with_an_agent_of_another_site_becomes_visible_to_that_agent_only()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Albert", "Delmas-" + Guid.NewGuid().ToString("N")[..6], null);
        var caseId = await OpenCaseAsync(agent, residentId);
        using var other = await Factory.SignedInClientAsync(LalbenqueAgent);
        using (var before = await other.GetAsync($"/demandes/{caseId}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        }
        var otherId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == LalbenqueAgent).Select(u => u.Id).SingleAsync());
        // The case page lists nobody of other sites until the agent searches (a name or an e-mail).
        var page = await (await agent.GetAsync($"/demandes/{caseId}")).ReadPageAsync();
        Assert.Contains("Chercher la personne", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Lucas Agent", page, StringComparison.Ordinal);
        var found = await (await agent.GetAsync($"/demandes/{caseId}?partage=lucas")).ReadPageAsync();
        Assert.Contains($"<option value=\"{otherId}\">Lucas Agent</option>", found, StringComparison.Ordinal);
        var byEmail = await (await agent.GetAsync($"/demandes/{caseId}?partage={Uri.EscapeDataString(LalbenqueAgent)}")).ReadPageAsync();
        Assert.Contains($"<option value=\"{otherId}\">Lucas Agent</option>", byEmail, StringComparison.Ordinal);
        var nobody = await (await agent.GetAsync($"/demandes/{caseId}?partage=zzzz")).ReadPageAsync();
        Assert.Contains("Personne d'un autre lieu ne correspond à « zzzz ».", nobody, StringComparison.Ordinal);

        await ActAsync(agent, $"/demandes/{caseId}", "Share", [new("accountId", otherId.ToString())], "Demande partagée avec Lucas Agent");

        using var after = await other.GetAsync($"/demandes/{caseId}");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var home = await other.GetAsync("/guichet");
        Assert.Contains("Partagées avec moi par un autre lieu", await home.ReadPageAsync(), StringComparison.Ordinal);
        using var social = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        using var coordinatorView = await social.GetAsync($"/demandes/{caseId}");
        Assert.Equal(HttpStatusCode.Forbidden, coordinatorView.StatusCode);
    }

    [Fact]
    public async Task Two_agents_acting_on_the_same_case_version_do_not_overwrite_each_other()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Roger", "Lagarde-" + Guid.NewGuid().ToString("N")[..6], null);
        var caseId = await OpenCaseAsync(agent, residentId);
        using var colleague = await Factory.SignedInClientAsync("agent.grandcahors2@demo.carteblanche.fr");
        var url = $"/demandes/{caseId}";
        using var form = await colleague.GetAsync(url);
        var html = await form.Content.ReadAsStringAsync();
        var staleVersion = VersionInput().Match(html).Groups[1].Value;
        var token = Html.AntiforgeryToken(html);

        await ActAsync(agent, url, "Start", [], "Demande prise en charge");

        using var stale = await colleague.PostAsync($"{url}?handler=WaitForPartner", new FormUrlEncodedContent(
            [new("Version", staleVersion), new("__RequestVerificationToken", token)]));
        Assert.Contains("modifiée entre-temps par un autre agent", await stale.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(CaseState.InProgress, await Factory.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == caseId).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task A_case_without_any_need_is_refused()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Henri", "Bouscarel-" + Guid.NewGuid().ToString("N")[..6], null);

        using var response = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
            [new("Channel", "InPerson"), new("Needs[0].Domain", "Logement"), new("PlaceId", (await SiteIdAsync(DemoData.GrandCahorsSite)).ToString())]);

        Assert.Contains("Besoin 1 : décrivez le besoin de l'usager.", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<Case>().CountAsync(c => c.ResidentId == residentId)));
    }

    [Fact]
    public async Task The_demo_desk_is_alive_and_the_home_page_lists_overdue_cases_first()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));

        using var response = await agent.GetAsync("/guichet?vue=site");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Les demandes de France Services du Grand Cahors", page, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.Set<Case>().Select(c => c.SiteId).Distinct().CountAsync()) >= 2);
    }

    [Fact]
    public async Task The_procedures_catalogue_has_real_procedures_in_every_domain_and_accent_free_search()
    {
        var counts = await Factory.WithDbAsync(db => db.Set<Procedure>().GroupBy(p => p.Domain).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.True(counts.Sum(c => c.Count) >= 60, $"{counts.Sum(c => c.Count)} procedures");
        Assert.Equal(Enum.GetValues<NeedDomain>().Length, counts.Count);

        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var response = await agent.GetAsync("/demarches?q=IDENTITE");
        Assert.Contains("identité", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_sends_a_satisfaction_link_that_works_once_without_an_account()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Marinette", "Bach-" + Guid.NewGuid().ToString("N")[..6], $"marinette.{Guid.NewGuid():N}@exemple.fr");
        var caseId = await OpenCaseAsync(agent, residentId);
        var url = $"/demandes/{caseId}";
        await ActAsync(agent, url, "AnswerReady", [new("path", "AtCounter")], "Réponse prête");
        await ActAsync(agent, url, "ReturnAnswer", [new("channel", "InPerson"), new("message", "Relevé imprimé et remis en main propre.")], "Réponse rendue");
        await ActAsync(agent, url, "Close", [new("outcome", "Resolved"), new("sendSurvey", "true"), new("confirme", "oui")], "questionnaire de satisfaction envoyé par e-mail");

        await Factory.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        var email = await Factory.WithDbAsync(db => db.Set<Resident>().Where(r => r.Id == residentId).Select(r => r.Email!).SingleAsync());
        var messageId = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == email && m.Subject == "Votre avis sur notre accueil").Select(m => m.Id).SingleAsync());
        var mail = await MimeMessage.LoadAsync(Path.Combine(Factory.Database.MailDirectory, $"{messageId:N}.eml"));
        var link = SurveyLink().Match(mail.TextBody ?? "").Groups[1].Value;
        Assert.StartsWith("/satisfaction/", link, StringComparison.Ordinal);

        using var resident = Factory.CreateBrowserClient();
        using var empty = await Html.PostFormAsync(resident, link, []);
        Assert.Contains("Choisissez une note de 1 à 5.", await empty.ReadPageAsync(), StringComparison.Ordinal);
        using var answered = await Html.PostFormAsync(resident, link, [new("Score", "5"), new("Comment", "Accueil très clair")]);
        Assert.Contains("Merci pour votre réponse", await answered.ReadPageAsync(), StringComparison.Ordinal);
        using var again = await resident.GetAsync(link);
        Assert.Contains("Vous avez déjà répondu", await again.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(5, await Factory.WithDbAsync(db => db.Set<CarteBlanche.Desk.Satisfaction.SatisfactionSurvey>().Where(s => s.CaseId == caseId).Select(s => s.Score).SingleAsync()));
        // The comment waits for a coordinator's review before the results show it.
        var answer = await Factory.WithDbAsync(db => db.Set<CarteBlanche.Platform.Results.SatisfactionAnswer>().Where(a => a.SourceId == caseId).SingleAsync());
        Assert.Equal(("guichet", 5, "Accueil très clair", CarteBlanche.Platform.Results.CommentReview.Pending), (answer.Solution, answer.Score, answer.Comment, answer.Review));

        // The site's figures show the answer (anonymous: a count and an average).
        using var figures = await agent.GetAsync("/chiffres");
        var figuresPage = await figures.ReadPageAsync();
        Assert.Contains("Satisfaction des usagers", figuresPage, StringComparison.Ordinal);
        Assert.Contains("<td>5,0</td>", figuresPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coaching_at_a_digital_island_is_recorded_with_its_outcome()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Lucien", "Cazes-" + Guid.NewGuid().ToString("N")[..6], null);
        var url = $"/usagers/{residentId}/accompagnement";

        using var refused = await Html.PostFormAsync(agent, url, []);
        var refusedPage = await refused.ReadPageAsync();
        Assert.Contains("Choisissez la démarche faite en autonomie.", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Indiquez si l'usager a réussi seul.", refusedPage, StringComparison.Ordinal);

        var procedure = await Factory.WithDbAsync(db => db.Set<Procedure>().OrderBy(p => p.Code).FirstAsync());
        using var saved = await Html.PostFormAsync(agent, url, [new("ProcedureCode", procedure.Code), new("Succeeded", "true"), new("Note", "Première fois seul")]);
        var page = await saved.ReadPageAsync();
        Assert.Contains("Accompagnement enregistré.", page, StringComparison.Ordinal);
        Assert.Contains($"{procedure.Title} : réussi seul (Première fois seul)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinators_record_trainings_and_see_site_coverage_while_agents_only_read_their_site()
    {
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var agentId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == LalbenqueAgent).Select(u => u.Id).SingleAsync());
        var trainer = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "MSA Midi-Pyrénées Nord").Select(o => o.Id).SingleAsync());

        using var bad = await Html.PostFormAsync(coordinator, "/formations",
            [new("Input.AccountId", agentId.ToString()), new("Input.TrainerOrganisationId", trainer.ToString()), new("Input.Domain", "Justice"), new("Input.Hours", "beaucoup"), new("Input.On", "2026-10-05")]);
        Assert.Contains("La durée est un nombre d'heures", await bad.ReadPageAsync(), StringComparison.Ordinal);

        using var saved = await Html.PostFormAsync(coordinator, "/formations",
            [new("Input.AccountId", agentId.ToString()), new("Input.TrainerOrganisationId", trainer.ToString()), new("Input.Domain", "Justice"), new("Input.Hours", "3,5"), new("Input.On", "2026-10-05")]);
        var page = await saved.ReadPageAsync();
        Assert.Contains("Formation enregistrée.", page, StringComparison.Ordinal);
        Assert.Contains("Nombre d'agents formés par lieu et par domaine", page, StringComparison.Ordinal);
        Assert.Contains("France Services de Lalbenque", page, StringComparison.Ordinal);

        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var agentView = await agent.GetAsync("/formations");
        var agentPage = await agentView.ReadPageAsync();
        Assert.Contains("Antoine Agent", agentPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Lucas Agent", agentPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer une formation", agentPage, StringComparison.Ordinal);
        using var forbidden = await Html.PostFormAsync(agent, "/formations", [new("Input.Hours", "7")]);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task An_agent_proposes_a_procedure_edit_and_a_coordinator_publishes_it()
    {
        var procedure = await Factory.WithDbAsync(db => db.Set<Procedure>().OrderByDescending(p => p.Code).FirstAsync());
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var url = $"/demarches/{procedure.Code}/proposer";
        KeyValuePair<string, string> Field(string name, string value) => new(name, value);

        using var unchanged = await Html.PostFormAsync(agent, url,
            [Field("Input.Title", procedure.Title), Field("Input.Url", procedure.Url), Field("Input.Documents", procedure.Documents), Field("Input.Eligibility", procedure.Eligibility), Field("Input.Tips", procedure.Tips)]);
        Assert.Contains("Vous n'avez rien modifié.", await unchanged.ReadPageAsync(), StringComparison.Ordinal);
        using var badLink = await Html.PostFormAsync(agent, url, [Field("Input.Title", procedure.Title), Field("Input.Url", "ftp://exemple")]);
        Assert.Contains("Le lien doit être une adresse complète en https://.", await badLink.ReadPageAsync(), StringComparison.Ordinal);
        var tip = "Astuce du guichet " + Guid.NewGuid().ToString("N")[..6];
        using var proposed = await Html.PostFormAsync(agent, url,
            [Field("Input.Title", procedure.Title), Field("Input.Url", procedure.Url), Field("Input.Documents", procedure.Documents), Field("Input.Eligibility", procedure.Eligibility), Field("Input.Tips", tip)]);
        Assert.Contains("sera relue par un coordinateur", await proposed.ReadPageAsync(), StringComparison.Ordinal);
        using var notYet = await agent.GetAsync($"/demarches/{procedure.Code}");
        Assert.DoesNotContain(tip, await notYet.ReadPageAsync(), StringComparison.Ordinal);
        using var agentReview = await agent.GetAsync("/demarches/propositions");
        Assert.Equal(HttpStatusCode.Forbidden, agentReview.StatusCode);

        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var suggestionId = await Factory.WithDbAsync(db => db.Set<ProcedureSuggestion>().Where(s => s.Tips == tip).Select(s => s.Id).SingleAsync());
        using var published = await Html.PostFormAsync(coordinator, "/demarches/propositions", [], $"/demarches/propositions?handler=Publish&id={suggestionId}");
        Assert.Contains("publiée", await published.ReadPageAsync(), StringComparison.Ordinal);
        using var after = await agent.GetAsync($"/demarches/{procedure.Code}");
        Assert.Contains(tip, await after.ReadPageAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://localhost(/satisfaction/[A-Za-z0-9_\-]+)")]
    private static partial Regex SurveyLink();

    private async Task ActAsync(HttpClient client, string caseUrl, string handler, KeyValuePair<string, string>[] fields, string expected)
    {
        using var page = await client.GetAsync(caseUrl);
        var html = await page.Content.ReadAsStringAsync();
        var version = VersionInput().Match(html).Groups[1].Value;
        var token = Html.AntiforgeryToken(html);
        using var response = await client.PostAsync($"{caseUrl}?handler={handler}", new FormUrlEncodedContent(
            fields.Append(new("Version", version)).Append(new("__RequestVerificationToken", token))));
        var result = await response.ReadPageAsync();
        Assert.True(result.Contains(expected, StringComparison.Ordinal), $"{handler}: expected « {expected} » in:\n{result}");
    }

    private async Task<Guid> CreateResidentAsync(HttpClient agent, string first, string last, string? email)
    {
        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", first), new("Input.LastName", last), new("Input.BirthDate", "14/02/1950"),
            new("Input.Phone", "05 65 20 00 00"), new("Input.Email", email ?? ""), new("Input.PreferredChannel", "Phone"),
        ]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
    }

    private async Task<Guid> OpenCaseAsync(HttpClient agent, Guid residentId)
    {
        using var opened = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
        [
            new("Channel", "Phone"), new("Needs[0].Domain", "Retraite"), new("Needs[0].Description", "Relevé de carrière"),
            new("PlaceId", (await SiteIdAsync(DemoData.GrandCahorsSite)).ToString()),
        ]);
        return Guid.Parse(opened.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
    }

    private Task<Guid> SiteIdAsync(string name) => Factory.WithDbAsync(db => db.Places.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());


    [GeneratedRegex("name=\"Version\" value=\"([^\"]*)\"")]
    private static partial Regex VersionInput();
}

public sealed class SqliteDeskTests(SqliteFactory factory) : DeskTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDeskTests(PostgresFactory factory) : DeskTests(factory), IClassFixture<PostgresFactory>;
