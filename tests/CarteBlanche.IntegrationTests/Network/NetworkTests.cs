using System.Net;
using System.Net.Http.Headers;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Network;

/// <summary>Questions to partners through the pages: who sees what, bad input, the case's states; on SQLite and PostgreSQL.</summary>
public abstract class NetworkTests(CarteBlancheFactory factory)
{
    private const string CpamReferent = "referent.cpam@demo.carteblanche.fr";

    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task Only_the_agents_of_the_case_and_the_referents_of_the_organisation_asked_see_a_question()
    {
        var (caseId, questionId) = await AskCafAsync("Question sur les droits");

        using var caf = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        using var read = await caf.GetAsync($"/reseau/sollicitations/{questionId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("Question sur les droits", await read.ReadPageAsync(), StringComparison.Ordinal);

        using var cpam = await Factory.SignedInClientAsync(CpamReferent);
        using var refused = await cpam.GetAsync($"/reseau/sollicitations/{questionId}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "question.access-denied" && e.RecordId == questionId.ToString())));
        using var cpamList = await cpam.GetAsync("/reseau/sollicitations?vue=toutes");
        Assert.DoesNotContain(questionId.ToString(), await cpamList.ReadPageAsync(), StringComparison.Ordinal);

        // Another site's agent neither; the case page of the asking agent lists the question.
        using var lalbenque = await Factory.SignedInClientAsync("agent.lalbenque@demo.carteblanche.fr");
        using var other = await lalbenque.GetAsync($"/reseau/sollicitations/{questionId}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var casePage = await agent.GetAsync($"/demandes/{caseId}");
        var page = await casePage.ReadPageAsync();
        Assert.Contains("Sollicitations des partenaires", page, StringComparison.Ordinal);
        Assert.Contains("CAF du Lot", page, StringComparison.Ordinal);
        Assert.Contains("En attente d'un partenaire", page, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "case.share" && e.RecordId == caseId.ToString() && e.Purpose == "shared-with-partner")));
    }

    [Fact]
    public async Task An_empty_question_or_a_disguised_attachment_is_refused_and_nothing_is_stored()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var caseId = await NewCaseAsync();
        var before = await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().CountAsync());
        var caf = await OrganisationIdAsync("CAF du Lot");

        using var empty = await Html.PostFormAsync(agent, $"/reseau/solliciter/{caseId}", [new("Besoins", (await NeedIdsAsync(caseId))[0].ToString()), new("OrganisationId", caf.ToString()), new("Text", "   ")]);
        Assert.Contains("Écrivez votre question au partenaire.", await empty.ReadPageAsync(), StringComparison.Ordinal);

        // A Windows program named like a PDF.
        using var form = await agent.GetAsync($"/reseau/solliciter/{caseId}");
        var token = Html.AntiforgeryToken(await form.ReadPageAsync());
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(caf.ToString()), "OrganisationId" },
            { new StringContent((await NeedIdsAsync(caseId))[0].ToString()), "Besoins" },
            { new StringContent("Voici l'avis d'imposition."), "Text" },
        };
        var file = new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Files", "avis-imposition.pdf");
        using var disguised = await agent.PostAsync($"/reseau/solliciter/{caseId}", content);
        Assert.Contains("n'est ni un PDF ni une image", await disguised.ReadPageAsync(), StringComparison.Ordinal);

        Assert.Equal(before, await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().CountAsync()));
    }

    [Fact]
    public async Task A_real_pdf_is_stored_encrypted_and_read_back_by_the_referent()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var caseId = await NewCaseAsync();
        using var form = await agent.GetAsync($"/reseau/solliciter/{caseId}");
        var token = Html.AntiforgeryToken(await form.ReadPageAsync());
        var pdf = "%PDF-1.4\n% avis de situation\n"u8.ToArray();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent((await OrganisationIdAsync("CAF du Lot")).ToString()), "OrganisationId" },
            { new StringContent("Avis de situation joint."), "Text" },
            { new StringContent((await NeedIdsAsync(caseId))[0].ToString()), "Besoins" },
        };
        content.Add(new ByteArrayContent(pdf), "Files", "scan.pdf");
        using var sent = await agent.PostAsync($"/reseau/solliciter/{caseId}", content);
        var questionId = Guid.Parse(sent.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());

        var stored = await Factory.WithDbAsync(db => db.Set<QuestionAttachment>().SingleAsync(a => a.QuestionId == questionId));
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.False(stored.EncryptedContent.AsSpan().IndexOf("avis de situation"u8) >= 0);

        using var caf = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        using var download = await caf.GetAsync($"/reseau/sollicitations/{questionId}?handler=Piece&pieceId={stored.Id}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.True(download.Headers.CacheControl?.NoStore, "a resident's document is never kept in a cache");
        using var cpam = await Factory.SignedInClientAsync(CpamReferent);
        using var refused = await cpam.GetAsync($"/reseau/sollicitations/{questionId}?handler=Piece&pieceId={stored.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_partner_answer_puts_the_case_first_in_the_agents_guichet_and_counts_on_the_home_page()
    {
        var (caseId, questionId) = await AskCafAsync("Le dossier de prime est-il complet ?");
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var reference = "D-" + caseId.ToString("N")[..8].ToUpperInvariant();
        var before = PartnerAnswersOnHome(await (await agent.GetAsync("/")).ReadPageAsync());

        using (var waiting = await agent.GetAsync("/guichet"))
        {
            var html = await waiting.ReadPageAsync();
            Assert.Contains(reference, Between(html, "En attente d'un partenaire</h2>", null), StringComparison.Ordinal);
        }

        using var caf = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        using var answered = await NetworkScenario.PostWithVersionAsync(caf, $"/reseau/sollicitations/{questionId}", "Reply", [new("kind", "Answer"), new("text", "Le dossier est complet.")]);
        Assert.Contains("Réponse envoyée à l'agent.", await answered.ReadPageAsync(), StringComparison.Ordinal);

        using var guichet = await agent.GetAsync("/guichet");
        var page = await guichet.ReadPageAsync();
        var toHandle = Between(page, "À traiter, les plus urgentes d'abord</h2>", "Réponses à rendre à l'usager</h2>");
        var firstRow = Between(toHandle, "<tbody>", "</tr>");
        Assert.Contains(reference, firstRow, StringComparison.Ordinal);
        Assert.Contains("Réponse du partenaire reçue", firstRow, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, Between(page, "En attente d'un partenaire</h2>", null), StringComparison.Ordinal);
        using var casePage = await agent.GetAsync($"/demandes/{caseId}");
        Assert.Contains("Réponse du partenaire reçue", await casePage.ReadPageAsync(), StringComparison.Ordinal);

        var home = await (await agent.GetAsync("/")).ReadPageAsync();
        Assert.True(home.IndexOf("Mon guichet", StringComparison.Ordinal) < home.IndexOf("Actualités des partenaires", StringComparison.Ordinal) || !home.Contains("Actualités des partenaires", StringComparison.Ordinal));
        Assert.Equal(before + 1, PartnerAnswersOnHome(home));
    }

    [Fact]
    public async Task The_usefulness_question_appears_only_once_the_partner_answered_and_a_question_without_answer_is_withdrawn()
    {
        var (caseId, questionId) = await AskCafAsync("Quel justificatif pour la prime de naissance ?");
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var url = $"/reseau/sollicitations/{questionId}";
        using (var before = await agent.GetAsync(url))
        {
            var html = await before.ReadPageAsync();
            Assert.DoesNotContain("vous a-t-elle été utile", html, StringComparison.Ordinal);
            Assert.Contains("Retirer la sollicitation", html, StringComparison.Ordinal);
        }

        using var caf = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        using var answered = await NetworkScenario.PostWithVersionAsync(caf, url, "Reply", [new("kind", "Answer"), new("text", "L'acte de naissance suffit.")]);
        using (var after = await agent.GetAsync(url))
        {
            var html = await after.ReadPageAsync();
            Assert.Contains("La réponse du partenaire vous a-t-elle été utile ?", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Retirer la sollicitation", html, StringComparison.Ordinal);
        }

        // Another question, withdrawn before any answer: closed without a usefulness, the case keeps waiting.
        var (otherCase, other) = await AskCafAsync("Question devenue inutile");
        using var withdrawn = await NetworkScenario.PostWithVersionAsync(agent, $"/reseau/sollicitations/{other}", "Close", [new("confirme", "oui")]);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var closed = await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().Where(q => q.Id == other).Select(q => new { q.State, q.Usefulness }).SingleAsync());
        Assert.Equal(QuestionState.Closed, closed.State);
        Assert.Null(closed.Usefulness);
        using var casePage = await agent.GetAsync($"/demandes/{otherCase}");
        Assert.Contains("sans réponse du partenaire", await casePage.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_picks_the_needs_a_question_is_about_and_the_suggested_organisation_follows_them()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", "Lucie"), new("Input.LastName", "Delpech-" + Guid.NewGuid().ToString("N")[..6]), new("Input.BirthDate", "12/03/1992"),
            new("Input.Phone", "06 12 12 12 12"), new("Input.PreferredChannel", "Phone"),
        ]);
        var residentId = created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last();
        var site = await Factory.WithDbAsync(db => db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync());
        using var opened = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
        [
            new("Channel", "InPerson"), new("PlaceId", site.ToString()),
            new("Needs[0].Domain", "Logement"), new("Needs[0].Description", "Aide au logement à demander"),
            new("Needs[1].Domain", "Sante"), new("Needs[1].Description", "Complémentaire santé solidaire"),
        ]);
        var caseId = Guid.Parse(opened.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
        var health = await Factory.WithDbAsync(db => db.Set<CarteBlanche.Desk.Cases.Need>().Where(n => n.CaseId == caseId && n.Domain == CarteBlanche.Desk.Cases.NeedDomain.Sante).Select(n => n.Id).SingleAsync());
        var cpam = await OrganisationIdAsync("CPAM du Lot");
        var url = $"/reseau/solliciter/{caseId}";

        // No need ticked: refused, nothing stored.
        using var none = await Html.PostFormAsync(agent, url, [new("OrganisationId", cpam.ToString()), new("Text", "Où en est la demande ?")]);
        Assert.Contains("Cochez le besoin (ou les besoins) sur lequel porte la question.", await none.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().CountAsync(q => q.CaseId == caseId)));

        // The health need ticked: the CPAM is proposed (selected) for it.
        using var proposed = await Html.PostFormAsync(agent, url, [new("Besoins", health.ToString()), new("Text", "Où en est la demande ?")], $"{url}?handler=Propose");
        var page = await proposed.ReadPageAsync();
        Assert.Matches($"<option value=\"{cpam}\" selected=\"selected\">CPAM du Lot \\(suggéré\\)</option>", page);
        Assert.Contains("Où en est la demande ?", page, StringComparison.Ordinal);

        using var sent = await Html.PostFormAsync(agent, url, [new("Besoins", health.ToString()), new("OrganisationId", cpam.ToString()), new("Text", "Où en est la demande ?")]);
        var question = await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().SingleAsync(q => q.CaseId == caseId));
        Assert.Equal("Sante", question.Domain);
        Assert.Equal("Santé", question.DomainLabel);
    }

    private static int PartnerAnswersOnHome(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, @"<strong>(aucune demande|(\d+) demandes?)</strong> avec une réponse du partenaire à lire");
        Assert.True(match.Success, "the home page counts the partner answers to read");
        return match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static string Between(string text, string start, string? end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"« {start} » not found");
        from += start.Length;
        var to = end == null ? text.Length : text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to >= 0, $"« {end} » not found");
        return text[from..to];
    }

    [Fact]
    public async Task A_pdf_with_javascript_is_refused_with_a_message_and_nothing_is_stored()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var caseId = await NewCaseAsync();
        var before = await Factory.WithDbAsync(db => db.Set<QuestionAttachment>().CountAsync());
        using var form = await agent.GetAsync($"/reseau/solliciter/{caseId}");
        var token = Html.AntiforgeryToken(await form.ReadPageAsync());
        var pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n"u8.ToArray();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent((await OrganisationIdAsync("CAF du Lot")).ToString()), "OrganisationId" },
            { new StringContent("Avis joint."), "Text" },
            { new StringContent((await NeedIdsAsync(caseId))[0].ToString()), "Besoins" },
        };
        content.Add(new ByteArrayContent(pdf), "Files", "avis.pdf");

        using var refused = await agent.PostAsync($"/reseau/solliciter/{caseId}", content);

        Assert.Contains("Le document « avis.pdf » contient du code actif (JavaScript ou action automatique) : il n'est pas accepté.", await refused.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Set<QuestionAttachment>().CountAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().CountAsync(q => q.CaseId == caseId)));
    }

    [Fact]
    public async Task A_coordinator_reroutes_only_a_question_declared_out_of_scope_which_they_may_then_read()
    {
        var (caseId, questionId) = await AskCafAsync("Question que la CAF traite");
        var caf = await OrganisationIdAsync("CAF du Lot");
        var cpam = await OrganisationIdAsync("CPAM du Lot");
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        using (var cannotRead = await coordinator.GetAsync($"/reseau/sollicitations/{questionId}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, cannotRead.StatusCode);
        }

        // An open question the CAF never declared out of scope: refused, journaled, nothing sent to the CPAM.
        using var refused = await Html.PostFormAsync(coordinator, "/reseau/sollicitations",
            [new("questionId", questionId.ToString()), new("organisationId", cpam.ToString())], "/reseau/sollicitations?handler=Reroute");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var question = await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().AsNoTracking().SingleAsync(q => q.Id == questionId));
        Assert.Equal(caf, question.OrganisationId);
        Assert.Equal(QuestionState.Sent, question.State);
        // Only the first sending shared the case: the refused re-routing journaled no share.
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "case.share" && e.RecordId == caseId.ToString())));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "question.access-denied" && e.RecordId == questionId.ToString())));

        // Declared out of scope by the CAF: the coordinator reads it (journaled) and re-routes it.
        using var referent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        using var declared = await NetworkScenario.PostWithVersionAsync(referent, $"/reseau/sollicitations/{questionId}", "Reply", [new("kind", "NotRightPartner"), new("text", "C'est une question d'assurance maladie.")]);
        Assert.Contains("réorientée", await declared.ReadPageAsync(), StringComparison.Ordinal);
        using (var read = await coordinator.GetAsync($"/reseau/sollicitations/{questionId}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "question.read" && e.RecordId == questionId.ToString() && e.Purpose == "coordinator-reroute")));
        using var rerouted = await Html.PostFormAsync(coordinator, "/reseau/sollicitations",
            [new("questionId", questionId.ToString()), new("organisationId", cpam.ToString())], "/reseau/sollicitations?handler=Reroute");
        Assert.Contains("Sollicitation réorientée", await rerouted.ReadPageAsync(), StringComparison.Ordinal);
        question = await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().AsNoTracking().SingleAsync(q => q.Id == questionId));
        Assert.Equal(cpam, question.OrganisationId);
        Assert.Equal(QuestionState.Sent, question.State);
    }

    [Fact]
    public async Task Every_page_that_shows_a_residents_data_journals_the_reading()
    {
        var caseId = await NewCaseAsync();
        var residentId = (await Factory.WithDbAsync(db => db.Set<CarteBlanche.Desk.Cases.Case>().Where(c => c.Id == caseId).Select(c => c.ResidentId).SingleAsync()))!.Value;
        var site = await Factory.WithDbAsync(db => db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync());
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));

        var pages = new (string Url, string Action, string RecordId)[]
        {
            ("/guichet", "case.list", site.ToString()),
            ($"/demandes/nouvelle/{residentId}", "resident.read", residentId.ToString()),
            ($"/usagers/{residentId}/accompagnement", "resident.read", residentId.ToString()),
            ($"/mandats/nouveau/{residentId}", "resident.read", residentId.ToString()),
            ($"/reseau/solliciter/{caseId}", "case.read", caseId.ToString()),
        };
        foreach (var (url, action, recordId) in pages)
        {
            var before = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.RecordId == recordId));
            using var page = await agent.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var after = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.RecordId == recordId));
            Assert.True(after == before + 1, $"{url}: no {action} entry for {recordId}");
        }
    }

    [Fact]
    public async Task An_answer_to_a_closed_question_is_refused_and_nothing_changes()
    {
        var (caseId, questionId) = await AskCafAsync("Où en est le dossier ?");
        using var caf = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var url = $"/reseau/sollicitations/{questionId}";

        using var answered = await NetworkScenario.PostWithVersionAsync(caf, url, "Reply", [new("kind", "Answer"), new("text", "Le dossier est complet.")]);
        Assert.Contains("Réponse envoyée à l'agent.", await answered.ReadPageAsync(), StringComparison.Ordinal);
        using var closed = await NetworkScenario.PostWithVersionAsync(agent, url, "Close", [new("usefulness", "Yes"), new("confirme", "oui")]);
        Assert.Contains("Réponse utile : <strong>Oui</strong>", await closed.ReadPageAsync(), StringComparison.Ordinal);
        var messages = await Factory.WithDbAsync(db => db.Set<QuestionMessage>().CountAsync(m => m.QuestionId == questionId));

        // From the page (no reply form is shown any more, a form kept open is stale) and from a tool that does not send a version.
        using var late = await NetworkScenario.PostWithVersionAsync(caf, url, "Reply", [new("kind", "Answer"), new("text", "Complément.")]);
        Assert.Contains("Cette sollicitation a été modifiée entre-temps", await late.ReadPageAsync(), StringComparison.Ordinal);
        var referent = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoData.EmailFor(Roles.PartnerReferent)));
        var refused = await Factory.InScopeAsync(services => services.GetRequiredService<QuestionWorkflow>()
            .ReplyAsync(questionId, null, new CarteBlanche.Network.Actor(referent.Id, referent.OrganisationId), MessageKind.Answer, "Complément.", [], CancellationToken.None));
        Assert.Equal("La sollicitation est close : on n'y répond plus.", refused.Error);
        Assert.Equal(messages, await Factory.WithDbAsync(db => db.Set<QuestionMessage>().CountAsync(m => m.QuestionId == questionId)));
        Assert.Equal(QuestionState.Closed, await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().Where(q => q.Id == questionId).Select(q => q.State).SingleAsync()));

        // The useful answer made the case's answer ready.
        using var casePage = await agent.GetAsync($"/demandes/{caseId}");
        Assert.Contains("Réponse prête", await casePage.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referent_who_chose_the_daily_digest_gets_no_immediate_email_for_a_new_question()
    {
        using var caf2 = await Factory.SignedInClientAsync("referent.caf2@demo.carteblanche.fr");
        using var saved = await Html.PostFormAsync(caf2, "/reseau/notifications", [new("DailyDigest", "true")]);
        Assert.Contains("Vous recevrez un récapitulatif par jour.", await saved.ReadPageAsync(), StringComparison.Ordinal);

        var (_, questionId) = await AskCafAsync("Une question pour le récapitulatif");
        var reference = "S-" + questionId.ToString("N")[..8].ToUpperInvariant();

        var immediate = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains(reference)).Select(m => m.Recipient).ToListAsync());
        Assert.Contains(DemoData.EmailFor(Roles.PartnerReferent), immediate);
        Assert.DoesNotContain("referent.caf2@demo.carteblanche.fr", immediate);
        var caf2Id = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == "referent.caf2@demo.carteblanche.fr").Select(u => u.Id).SingleAsync());
        Assert.True(await Factory.WithDbAsync(db => db.Set<CarteBlanche.Network.Notifications.DigestEntry>().AnyAsync(e => e.AccountId == caf2Id && e.Subject.Contains(reference))));

        using var back = await Html.PostFormAsync(caf2, "/reseau/notifications", [new("DailyDigest", "false")]);
        Assert.Contains("dès qu", await back.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_retention_wipes_what_partners_received_with_the_case()
    {
        var caseId = await NewCaseAsync();
        var agent = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoData.EmailFor(Roles.Agent)));
        var caf = await OrganisationIdAsync("CAF du Lot");
        var needIds = await NeedIdsAsync(caseId);
        var asked = await Factory.InScopeAsync(services => services.GetRequiredService<QuestionWorkflow>().AskAsync(
            new AskRequest(caseId, needIds, caf, "Voici l'attestation.", [ShareableField.Phone], [new IncomingFile("attestation.pdf", "%PDF-1.7 attestation"u8.ToArray())]),
            new CarteBlanche.Network.Actor(agent.Id, agent.OrganisationId), CancellationToken.None));
        Assert.True(asked.Succeeded, asked.Error);
        var questionId = asked.Question!.Id;

        // The case was closed long ago: past the retention period.
        var longAgo = DateTimeOffset.UtcNow.AddMonths(-14);
        await Factory.WithDbAsync(db => db.Set<CarteBlanche.Desk.Cases.Case>().Where(c => c.Id == caseId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, CarteBlanche.Desk.Cases.CaseState.Closed).SetProperty(c => c.Outcome, CarteBlanche.Desk.Cases.CaseOutcome.Abandoned)
                .SetProperty(c => c.ClosingReason, "parti").SetProperty(c => c.ClosedAt, longAgo)));
        await Factory.InScopeAsync(services => services.GetRequiredService<CarteBlanche.Desk.Retention.DeskRetentionJob>().RunAsync(CancellationToken.None));

        var question = await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().AsNoTracking().SingleAsync(q => q.Id == questionId));
        Assert.Null(question.SharedDataProtected);
        Assert.NotNull(question.WipedAt);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<QuestionAttachment>().CountAsync(a => a.QuestionId == questionId)));
        Assert.All(await Factory.WithDbAsync(db => db.Set<QuestionMessage>().Where(m => m.QuestionId == questionId).Select(m => m.Text).ToListAsync()), Assert.Empty);
        using var referent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        using var page = await referent.GetAsync($"/reseau/sollicitations/{questionId}");
        Assert.Contains("Les données personnelles de cette demande ont été effacées", await page.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_attachment_is_refused_with_the_limit()
    {
        var caseId = await NewCaseAsync();
        var agent = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoData.EmailFor(Roles.Agent)));
        var big = new byte[(10 * 1024 * 1024) + 1];
        "%PDF-1.4"u8.CopyTo(big);
        var needIds = await NeedIdsAsync(caseId);

        var result = await Factory.InScopeAsync(services => services.GetRequiredService<QuestionWorkflow>().AskAsync(
            new AskRequest(caseId, needIds, Guid.Empty, "Trop gros", [], [new IncomingFile("scan.pdf", big)]),
            new CarteBlanche.Network.Actor(agent.Id, agent.OrganisationId), CancellationToken.None));
        Assert.Equal("Choisissez l'organisme partenaire à solliciter.", result.Error);

        var caf = await OrganisationIdAsync("CAF du Lot");
        result = await Factory.InScopeAsync(services => services.GetRequiredService<QuestionWorkflow>().AskAsync(
            new AskRequest(caseId, needIds, caf, "Trop gros", [], [new IncomingFile("scan.pdf", big)]), new CarteBlanche.Network.Actor(agent.Id, agent.OrganisationId), CancellationToken.None));
        Assert.Equal("Le document « scan.pdf » dépasse 10 Mo : réduisez-le ou scannez-le en qualité moindre.", result.Error);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().CountAsync(q => q.CaseId == caseId)));
    }

    [Fact]
    public async Task The_published_answer_times_are_public_and_exported_as_csv()
    {
        await AskCafAsync("Question pour les chiffres");
        using var anonymous = Factory.CreateBrowserClient();

        using var page = await anonymous.GetAsync("/reseau/delais");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("CAF du Lot", await page.ReadPageAsync(), StringComparison.Ordinal);

        using var csv = await anonymous.GetAsync("/reseau/delais?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("organisme,mois,sollicitations_recues,sollicitations_repondues,delai_median_heures_ouvrees,part_repondue_sous_48h,avis_utilite,taux_utilite", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("CAF du Lot,", StringComparison.Ordinal));
        Assert.DoesNotContain("Mathilde", string.Join("\n", lines), StringComparison.Ordinal);
    }

    private async Task<(Guid CaseId, Guid QuestionId)> AskCafAsync(string text)
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var caseId = await NewCaseAsync();
        using var sent = await Html.PostFormAsync(agent, $"/reseau/solliciter/{caseId}",
            [new("Besoins", (await NeedIdsAsync(caseId))[0].ToString()), new("OrganisationId", (await OrganisationIdAsync("CAF du Lot")).ToString()), new("Text", text), new("Shared", "Phone")]);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return (caseId, Guid.Parse(sent.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last()));
    }

    private Task<List<Guid>> NeedIdsAsync(Guid caseId) => NetworkScenario.NeedIdsAsync(Factory, caseId);

    private Task<Guid> NewCaseAsync() => NetworkScenario.NewCaseAsync(Factory, "Roques");

    private Task<Guid> OrganisationIdAsync(string name) => NetworkScenario.OrganisationIdAsync(Factory, name);

}

public sealed class SqliteNetworkTests(SqliteFactory factory) : NetworkTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresNetworkTests(PostgresFactory factory) : NetworkTests(factory), IClassFixture<PostgresFactory>;
