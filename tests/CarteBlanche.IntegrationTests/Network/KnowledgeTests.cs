using System.Net;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Network.Knowledge;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Network;

/// <summary>Knowledge cards through the pages: proposed from a useful answer without personal data, validated by the partner's lead referent, found in another word form; on SQLite and PostgreSQL.</summary>
public abstract class KnowledgeTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    protected static string Decode(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task A_useful_answer_becomes_an_anonymised_card_validated_by_the_lead_referent_and_found_with_another_word_form()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var caf = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        var caseId = await NetworkScenario.NewCaseAsync(Factory, "Roques");
        var lastName = await Factory.WithDbAsync(db => db.Set<CarteBlanche.Desk.Cases.Case>().Where(c => c.Id == caseId)
            .Join(db.Set<CarteBlanche.Desk.Residents.Resident>(), c => c.ResidentId, r => r.Id, (c, r) => r.LastName).SingleAsync());
        // Letters only: a run of digits would read as an identifier and be taken out.
        var marker = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('g' + (c % 16))));
        using var sent = await Html.PostFormAsync(agent, $"/reseau/solliciter/{caseId}",
        [
            new("Besoins", (await NetworkScenario.NeedIdsAsync(Factory, caseId))[0].ToString()), new("OrganisationId", (await NetworkScenario.OrganisationIdAsync(Factory, "CAF du Lot")).ToString()),
            new("Text", $"Mme Mathilde {lastName}, née le 02/06/1985, joignable au 06 55 44 33 22, étudiante : a-t-elle droit aux allocations logement pour sa chambre {marker} ?"),
            new("Shared", "Phone"),
        ]);
        var questionId = Guid.Parse(sent.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
        var url = $"/reseau/sollicitations/{questionId}";
        (await NetworkScenario.PostWithVersionAsync(caf, url, "Reply", [new("kind", "Answer"), new("text", "Oui : une étudiante peut avoir l'aide au logement (ALS), demande en ligne sur caf.fr, dossier 1234567.")])).Dispose();

        // Not before the question is closed as useful.
        using (var early = await agent.GetAsync($"{url}/proposer-une-fiche"))
        {
            Assert.Contains("Seule une sollicitation close avec une réponse utile", Decode(await early.ReadPageAsync()), StringComparison.Ordinal);
        }
        (await NetworkScenario.PostWithVersionAsync(agent, url, "Close", [new("usefulness", "Yes"), new("confirme", "oui")])).Dispose();

        string proposed;
        using (var form = await agent.GetAsync($"{url}/proposer-une-fiche"))
        {
            proposed = Decode(await form.ReadPageAsync());
        }
        Assert.DoesNotContain(lastName, proposed, StringComparison.Ordinal);
        Assert.DoesNotContain("02/06/1985", proposed, StringComparison.Ordinal);
        Assert.DoesNotContain("06 55 44 33 22", proposed, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", proposed, StringComparison.Ordinal);
        Assert.Contains("Mme [nom], née le [date], joignable au [téléphone]", proposed, StringComparison.Ordinal);

        // A name typed back in is refused; nothing stored.
        List<KeyValuePair<string, string>> Fields(string question) =>
        [
            new("Title", $"Aide au logement d'une étudiante {marker}"), new("Procedure", "Aide personnalisée au logement"),
            new("QuestionText", question), new("Answer", "Oui : une étudiante peut avoir l'aide au logement (ALS), demande en ligne sur caf.fr."),
        ];
        using (var leaking = await Html.PostFormAsync(agent, $"{url}/proposer-une-fiche", Fields($"Une étudiante, née le 02/06/1985, a-t-elle droit aux allocations logement ?")))
        {
            Assert.Contains("Question : il reste des données personnelles", Decode(await leaking.ReadPageAsync()), StringComparison.Ordinal);
        }
        Assert.False(await Factory.WithDbAsync(db => db.Set<KnowledgeCard>().AnyAsync(c => c.QuestionId == questionId)));
        using (var created = await Html.PostFormAsync(agent, $"{url}/proposer-une-fiche", Fields($"Une étudiante a-t-elle droit aux allocations logement pour sa chambre {marker} ?")))
        {
            Assert.Contains("En attente de validation", Decode(await created.ReadPageAsync()), StringComparison.Ordinal);
        }
        var card = await Factory.WithDbAsync(db => db.Set<KnowledgeCard>().SingleAsync(c => c.QuestionId == questionId));

        // Not found by others before validation; the agent cannot validate; the lead referent of the CAF does.
        using (var hidden = await agent.GetAsync($"/reseau/fiches?q={marker}"))
        {
            Assert.Contains("Aucune fiche ne correspond", Decode(await hidden.ReadPageAsync()), StringComparison.Ordinal);
        }
        using (var notLead = await Html.PostFormAsync(agent, $"/reseau/fiches/{card.Id}", [new("ReviewOn", "2027-12-01")], $"/reseau/fiches/{card.Id}?handler=Validate"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notLead.StatusCode);
        }
        using (var waiting = await caf.GetAsync("/reseau/fiches"))
        {
            Assert.Contains($"Aide au logement d'une étudiante {marker}", Decode(await waiting.ReadPageAsync()), StringComparison.Ordinal);
        }
        using (var validated = await Html.PostFormAsync(caf, $"/reseau/fiches/{card.Id}", [new("ReviewOn", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))], $"/reseau/fiches/{card.Id}?handler=Validate"))
        {
            Assert.Contains("Validée par CAF du Lot", Decode(await validated.ReadPageAsync()), StringComparison.Ordinal);
        }

        // Another agent finds it with other word forms (singular, no accent), and says it was useful.
        using var other = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.SocialWorker));
        using (var found = await other.GetAsync($"/reseau/fiches?q={Uri.EscapeDataString($"allocation logement etudiantes {marker}")}"))
        {
            var html = Decode(await found.ReadPageAsync());
            Assert.Contains("1 fiche pour", html, StringComparison.Ordinal);
            Assert.Contains($"Aide au logement d'une étudiante {marker}", html, StringComparison.Ordinal);
        }
        (await Html.PostFormAsync(other, $"/reseau/fiches/{card.Id}", [], $"/reseau/fiches/{card.Id}?handler=Vote&useful=true")).Dispose();
        (await Html.PostFormAsync(other, $"/reseau/fiches/{card.Id}", [], $"/reseau/fiches/{card.Id}?handler=Vote&useful=true")).Dispose();
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<KnowledgeCard>().Where(c => c.Id == card.Id).Select(c => c.UsefulVotes).SingleAsync()));

        // On a new case with a need of the same domain, the card is offered before asking a partner; opening it from there is counted.
        var newCase = await NetworkScenario.NewCaseAsync(Factory, "Lacoste");
        using (var casePage = await agent.GetAsync($"/demandes/{newCase}"))
        {
            var html = Decode(await casePage.ReadPageAsync());
            Assert.Contains("Fiches de connaissance", html, StringComparison.Ordinal);
            Assert.Contains($"/reseau/fiches/{card.Id}?demande={newCase}", html, StringComparison.Ordinal);
        }
        (await agent.GetAsync($"/reseau/fiches/{card.Id}?demande={newCase}")).Dispose();
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<KnowledgeCardUse>().CountAsync(u => u.CardId == card.Id && u.CaseId == newCase)));
        // Someone who does not follow the case opens the same link: no use is counted for it.
        using var caf2 = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        (await caf2.GetAsync($"/reseau/fiches/{card.Id}?demande={newCase}")).Dispose();
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<KnowledgeCardUse>().CountAsync(u => u.CardId == card.Id && u.CaseId == newCase)));
        // A correction: refused while personal, sent to the lead referent, who rewrites the card; the new words are found.
        using (var personal = await Html.PostFormAsync(other, $"/reseau/fiches/{card.Id}", [new("Correction", "Appeler le 05 65 35 04 32")], $"/reseau/fiches/{card.Id}?handler=Correction"))
        {
            Assert.Contains("Correction : il reste des données personnelles", Decode(await personal.ReadPageAsync()), StringComparison.Ordinal);
        }
        (await Html.PostFormAsync(other, $"/reseau/fiches/{card.Id}", [new("Correction", "La demande se fait aussi au guichet de la CAF à Cahors.")], $"/reseau/fiches/{card.Id}?handler=Correction")).Dispose();
        using (var leadPage = await caf.GetAsync($"/reseau/fiches/{card.Id}"))
        {
            Assert.Contains("La demande se fait aussi au guichet de la CAF à Cahors.", Decode(await leadPage.ReadPageAsync()), StringComparison.Ordinal);
        }
        var newWord = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('g' + (c % 16))));
        (await Html.PostFormAsync(caf, $"/reseau/fiches/{card.Id}",
            [new("EditTitle", $"Aide au logement d'une étudiante {marker}"), new("EditProcedure", ""), new("EditQuestion", "Une étudiante a-t-elle droit aux allocations logement ?"),
             new("EditAnswer", $"Oui : l'ALS, demande en ligne sur caf.fr ou au guichet {newWord}.")], $"/reseau/fiches/{card.Id}?handler=Edit")).Dispose();
        Assert.False(await Factory.WithDbAsync(db => db.Set<KnowledgeCorrection>().AnyAsync(c => c.CardId == card.Id && c.HandledAt == null)));
        using (var refound = await other.GetAsync($"/reseau/fiches?q={newWord}"))
        {
            Assert.Contains("1 fiche pour", Decode(await refound.ReadPageAsync()), StringComparison.Ordinal);
        }

        using (var figures = await agent.GetAsync("/reseau/fiches/chiffres"))
        {
            Assert.Equal(HttpStatusCode.OK, figures.StatusCode);
            Assert.Contains("Questions évitées", Decode(await figures.ReadPageAsync()), StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteKnowledgeTests(SqliteFactory factory) : KnowledgeTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresKnowledgeTests(PostgresFactory factory) : KnowledgeTests(factory), IClassFixture<PostgresFactory>
{
    [Fact]
    public async Task On_postgresql_the_search_is_the_french_full_text_search_with_its_index()
    {
        var marker = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('g' + (c % 16))));
        await Factory.WithDbAsync(async db =>
        {
            var card = new KnowledgeCard
            {
                OrganisationId = await db.Organisations.Where(o => o.Name == "CAF du Lot").Select(o => o.Id).SingleAsync(),
                ProposedBy = await db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Agent)).Select(u => u.Id).SingleAsync(),
                Domain = "Logement", DomainLabel = "Logement", Title = $"Les logements sociaux {marker}", Question = "Quelles pièces pour une demande ?",
                Answer = "Le formulaire Cerfa et un justificatif d'identité.", Status = CardStatus.Validated, ProposedAt = DateTimeOffset.UtcNow, ValidatedAt = DateTimeOffset.UtcNow,
                ReviewOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
            };
            card.Reindex();
            db.Add(card);
            return await db.SaveChangesAsync();
        });
        Assert.True(await Factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            "SELECT 1 AS \"Value\" FROM pg_indexes WHERE indexname = 'ix_network_knowledge_cards_search_french'").AnyAsync()));
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        // « loger » and « logements » meet in PostgreSQL's French stemmer (not in the light stemmer used on SQLite).
        using var found = await agent.GetAsync($"/reseau/fiches?q=loger+social+{marker}");
        Assert.Contains("1 fiche pour", Decode(await found.ReadPageAsync()), StringComparison.Ordinal);
        using var missed = await agent.GetAsync($"/reseau/fiches?q=voiture+{marker}");
        Assert.Contains("0 fiche pour", Decode(await missed.ReadPageAsync()), StringComparison.Ordinal);
    }
}
