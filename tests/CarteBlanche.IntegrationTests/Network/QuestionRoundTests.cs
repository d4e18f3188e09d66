using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Network;
using CarteBlanche.Network.Notifications;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Network;

/// <summary>A question has one round per organisation: its own deadline, its own taker, its own figures; on SQLite and PostgreSQL.</summary>
public abstract partial class QuestionRoundTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task An_organisation_that_says_not_ours_after_its_due_time_shows_late_on_the_published_times_after_the_reroute()
    {
        // An organisation of its own, so that its line in the figures is this question alone.
        var name = "Organisme lent " + Guid.NewGuid().ToString("N")[..6];
        var slow = new Organisation { Name = name, SearchName = name.ToLowerInvariant() };
        await Factory.WithDbAsync(db => { db.Organisations.Add(slow); return db.SaveChangesAsync(); });
        var caseId = await NewCaseAsync();
        var questionId = await AskAsync(caseId, slow.Id, "Est-ce de votre ressort ?");

        // It sat on the question for a week (a week ago: same clock as the page).
        await ShiftRoundAsync(questionId, TimeSpan.FromDays(-7));
        var referent = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoData.EmailFor(Roles.PartnerReferent)));
        var notOurs = await Factory.InScopeAsync(services => services.GetRequiredService<QuestionWorkflow>()
            .ReplyAsync(questionId, null, new Actor(referent.Id, slow.Id), MessageKind.NotRightPartner, "Pas de notre ressort.", [], CancellationToken.None));
        Assert.True(notOurs.Succeeded, notOurs.Error);
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var caf = await OrganisationIdAsync("CAF du Lot");
        using var rerouted = await NetworkScenario.PostWithVersionAsync(agent, $"/reseau/sollicitations/{questionId}", "Reroute", [new("organisationId", caf.ToString())]);
        Assert.Equal(HttpStatusCode.OK, rerouted.StatusCode);
        Assert.Equal(caf, await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().Where(q => q.Id == questionId).Select(q => q.OrganisationId).SingleAsync()));

        using var anonymous = Factory.CreateBrowserClient();
        using var csv = await anonymous.GetAsync("/reseau/delais?handler=Csv");
        var line = (await csv.Content.ReadAsStringAsync()).Split('\n').SingleOrDefault(l => l.StartsWith(name + ",", StringComparison.Ordinal));
        Assert.NotNull(line);
        var columns = line.TrimEnd('\r').Split(',');
        Assert.Equal("1", columns[2]); // received
        Assert.Equal("0.000", columns[5]); // none within 48 working hours
        using var page = await anonymous.GetAsync("/reseau/delais");
        Assert.Contains(name, await page.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_request_for_information_on_the_page_the_agents_answer_gives_back_the_time_that_was_left()
    {
        var caseId = await NewCaseAsync();
        var questionId = await AskAsync(caseId, await OrganisationIdAsync("CAF du Lot"), "Pouvez-vous regarder ce dossier ?");
        using var caf = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        using var asked = await NetworkScenario.PostWithVersionAsync(caf, $"/reseau/sollicitations/{questionId}", "Reply", [new("kind", "MoreInfoRequest"), new("text", "Il manque l'avis d'imposition.")]);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        using (var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent)))
        using (var page = await agent.GetAsync($"/reseau/sollicitations/{questionId}"))
        {
            Assert.Contains("Délai suspendu depuis le", await page.ReadPageAsync(), StringComparison.Ordinal);
        }

        await AgentAnswersLongAfterAsync(questionId);
    }

    [Fact]
    public async Task After_a_request_for_information_through_the_api_the_agents_answer_gives_back_the_time_that_was_left()
    {
        var caseId = await NewCaseAsync();
        var questionId = await AskAsync(caseId, await OrganisationIdAsync("CAF du Lot"), "Pouvez-vous regarder ce dossier ?");
        using var api = ApiClient(await CreateKeyAsync("CAF du Lot", DemoData.EmailFor(Roles.PartnerReferent)));
        using var asked = await api.PostAsJsonAsync($"/api/reseau/v1/sollicitations/{questionId}/reponses", new { type = "demande-information", text = "Il manque l'avis d'imposition." });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        await AgentAnswersLongAfterAsync(questionId);
    }

    [Fact]
    public async Task When_the_partners_tool_took_the_question_the_agents_message_reaches_the_organisation()
    {
        var caseId = await NewCaseAsync();
        var questionId = await AskAsync(caseId, await OrganisationIdAsync("CAF du Lot"), "Le dossier est-il complet ?");
        using var api = ApiClient(await CreateKeyAsync("CAF du Lot", DemoData.EmailFor(Roles.PartnerReferent)));
        using var taken = await api.PostAsync($"/api/reseau/v1/sollicitations/{questionId}/prise-en-charge", null);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var round = await Factory.WithDbAsync(db => db.Set<QuestionRound>().AsNoTracking().SingleAsync(r => r.QuestionId == questionId));
        Assert.Null(round.TakenByAccountId);
        Assert.NotNull(round.TakenByApiKeyId);

        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var replied = await NetworkScenario.PostWithVersionAsync(agent, $"/reseau/sollicitations/{questionId}", "AgentReply", [new("text", "Voici une précision sur le dossier.")]);
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);

        var subject = $"Nouveau message sur la sollicitation {PartnerQuestion.ReferenceOf(questionId)}";
        var mails = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject == subject).Select(m => m.Recipient).ToListAsync());
        var digests = await Factory.WithDbAsync(db => db.Set<DigestEntry>().CountAsync(e => e.Subject == subject));
        Assert.True(mails.Count + digests > 0, "the agent's message notifies the organisation");
        Assert.Contains(DemoData.EmailFor(Roles.PartnerReferent), mails);
        Assert.Contains("partenaires@caf-lot.demo.carteblanche.fr", mails);
    }

    [Fact]
    public async Task A_case_edited_while_the_question_is_sent_gives_the_modified_meanwhile_message_not_an_error()
    {
        var caseId = await NewCaseAsync();
        var agent = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoData.EmailFor(Roles.Agent)));
        var caf = await OrganisationIdAsync("CAF du Lot");
        var needIds = await NeedIdsAsync(caseId);

        var result = await Factory.InScopeAsync(async services =>
        {
            // The case as this request read it...
            var db = services.GetRequiredService<CarteBlancheDbContext>();
            await db.Set<CarteBlanche.Desk.Cases.Case>().SingleAsync(c => c.Id == caseId);
            // ...then another agent saves it.
            await Factory.WithDbAsync(other => other.Set<CarteBlanche.Desk.Cases.Case>().Where(c => c.Id == caseId)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, Guid.NewGuid())));
            return await services.GetRequiredService<QuestionWorkflow>().AskAsync(
                new AskRequest(caseId, needIds, caf, "Question envoyée pendant une modification.", [], []), new Actor(agent.Id, agent.OrganisationId), CancellationToken.None);
        });

        Assert.False(result.Succeeded);
        Assert.Contains("modifiée entre-temps", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().CountAsync(q => q.CaseId == caseId)));
    }

    /// <summary>
    /// The question was sent ten days ago and the partner asked in time; the agent answers today, long after the
    /// original due time: the partner is not « en retard », it has the working time it had left.
    /// </summary>
    private async Task AgentAnswersLongAfterAsync(Guid questionId)
    {
        var before = await Factory.WithDbAsync(db => db.Set<QuestionRound>().AsNoTracking().SingleAsync(r => r.QuestionId == questionId));
        Assert.NotNull(before.PausedAt);
        var left = before.DueAt - before.PausedAt!.Value;
        await ShiftRoundAsync(questionId, TimeSpan.FromDays(-10));

        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var replied = await NetworkScenario.PostWithVersionAsync(agent, $"/reseau/sollicitations/{questionId}", "AgentReply", [new("text", "Voici l'avis d'imposition.")]);
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Equal(QuestionState.Taken, await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().Where(q => q.Id == questionId).Select(q => q.State).SingleAsync()));

        var after = await Factory.WithDbAsync(db => db.Set<QuestionRound>().AsNoTracking().SingleAsync(r => r.QuestionId == questionId));
        var now = DateTimeOffset.UtcNow;
        Assert.Null(after.PausedAt);
        Assert.True(after.DueAt > now, $"due {after.DueAt:O}, now {now:O}");
        Assert.True(after.DueAt - now <= left + TimeSpan.FromDays(4), "about the time that was left, weekends aside");

        await Factory.InScopeAsync(services => services.GetRequiredService<QuestionReminderJob>().RunAsync(CancellationToken.None));
        Assert.False(await Factory.WithDbAsync(db => db.Set<QuestionReminder>().AnyAsync(r => r.QuestionId == questionId && r.Kind != ReminderKind.HalfTime)));
        var reference = PartnerQuestion.ReferenceOf(questionId);
        Assert.False(await Factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Subject.Contains(reference) && (m.Subject.StartsWith("Retard") || m.Subject.StartsWith("Escalade")))));
    }

    /// <summary>Moves the question's current round back in time (as if it had been sent <paramref name="by"/> earlier).</summary>
    private Task ShiftRoundAsync(Guid questionId, TimeSpan by) =>
        Factory.WithDbAsync(async db =>
        {
            var question = await db.Set<PartnerQuestion>().SingleAsync(q => q.Id == questionId);
            var round = question.Current;
            question.SentAt += by;
            round.SentAt += by;
            round.HalfTimeAt += by;
            round.DueAt += by;
            round.TakenAt += by;
            round.FirstReplyAt += by;
            round.PausedAt += by;
            round.EndedAt += by;
            return await db.SaveChangesAsync();
        });

    private async Task<Guid> AskAsync(Guid caseId, Guid organisationId, string text)
    {
        var agent = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoData.EmailFor(Roles.Agent)));
        var needIds = await NeedIdsAsync(caseId);
        var asked = await Factory.InScopeAsync(services => services.GetRequiredService<QuestionWorkflow>().AskAsync(
            new AskRequest(caseId, needIds, organisationId, text, [ShareableField.Phone], []), new Actor(agent.Id, agent.OrganisationId), CancellationToken.None));
        Assert.True(asked.Succeeded, asked.Error);
        return asked.Question!.Id;
    }

    private HttpClient ApiClient(string key)
    {
        var client = Factory.CreateBrowserClient(followRedirects: false);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<string> CreateKeyAsync(string organisation, string email)
    {
        using var client = await Factory.SignedInClientAsync(email);
        var id = await OrganisationIdAsync(organisation);
        using var created = await Html.PostFormAsync(client, $"/reseau/partenaires/{id}", [new("keyName", "Outil de test")], $"/reseau/partenaires/{id}?handler=CreateKey");
        var key = KeyValue().Match(await created.ReadPageAsync());
        Assert.True(key.Success, "the new key is shown once on the page");
        return key.Groups[1].Value;
    }

    private Task<List<Guid>> NeedIdsAsync(Guid caseId) => NetworkScenario.NeedIdsAsync(Factory, caseId);

    private Task<Guid> NewCaseAsync() => NetworkScenario.NewCaseAsync(Factory, "Delmas");

    private Task<Guid> OrganisationIdAsync(string name) => NetworkScenario.OrganisationIdAsync(Factory, name);

    [GeneratedRegex("name=\"Version\" value=\"([^\"]*)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("<code id=\"nouvelle-cle\">(cbk_[^<]+)</code>")]
    private static partial Regex KeyValue();
}

public sealed class SqliteQuestionRoundTests(SqliteFactory factory) : QuestionRoundTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresQuestionRoundTests(PostgresFactory factory) : QuestionRoundTests(factory), IClassFixture<PostgresFactory>;
