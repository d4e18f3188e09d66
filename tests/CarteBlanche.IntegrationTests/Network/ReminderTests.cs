using CarteBlanche.Desk.Contracts;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.IntegrationTests.Jobs;
using CarteBlanche.Network;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Network;

/// <summary>A question left unanswered, with two application instances running the jobs on one database and one clock.</summary>
public abstract class ReminderTests(TwoInstances instances)
{
    [Fact]
    public async Task An_unanswered_question_gets_each_reminder_once_and_one_escalation_to_the_lead()
    {
        var questionId = await AskCafAsync();
        var question = await instances.First.WithDbAsync(db => db.Set<PartnerQuestion>().AsNoTracking().SingleAsync(q => q.Id == questionId));

        // Before half time: nothing.
        await RunBothManyTimesAsync();
        Assert.Empty(await RemindersAsync(questionId));

        // Half of the 48 working hours gone: one reminder, even though both instances keep running the job.
        instances.Clock.Advance(TimeSpan.FromHours(25));
        await RunBothManyTimesAsync();
        instances.Clock.Advance(TimeSpan.FromMinutes(10));
        await RunBothManyTimesAsync();
        Assert.Equal([ReminderKind.HalfTime], await RemindersAsync(questionId));

        // Overdue: one reminder to the referents, one escalation to the lead, once each.
        instances.Clock.Advance(question.Current.DueAt - instances.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await RunBothManyTimesAsync();
        instances.Clock.Advance(TimeSpan.FromHours(3));
        await RunBothManyTimesAsync();
        Assert.Equal([ReminderKind.Escalation, ReminderKind.HalfTime, ReminderKind.Overdue], await RemindersAsync(questionId));

        var reference = question.Reference;
        var mails = await instances.First.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains(reference)).Select(m => new { m.Recipient, m.Subject }).ToListAsync());
        var lead = DemoData.EmailFor(Roles.PartnerReferent);
        Assert.Equal([lead], mails.Where(m => m.Subject.StartsWith("Escalade", StringComparison.Ordinal)).Select(m => m.Recipient));
        var overdue = mails.Where(m => m.Subject.StartsWith("Retard", StringComparison.Ordinal)).Select(m => m.Recipient).Order().ToList();
        Assert.Equal(overdue.Distinct().Count(), overdue.Count);
        Assert.Contains(lead, overdue);
        Assert.Contains("referent.caf2@demo.carteblanche.fr", overdue);
        Assert.Contains("partenaires@caf-lot.demo.carteblanche.fr", overdue);
        Assert.Equal(overdue.Count, mails.Count(m => m.Subject.StartsWith("Rappel", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_daily_digest_leaves_once_after_the_digest_hour_with_what_came_before()
    {
        var email = "referent.caf2@demo.carteblanche.fr";
        var accountId = await instances.First.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var subject = "Nouvelle sollicitation S-DIGEST" + Guid.NewGuid().ToString("N")[..4];
        await instances.First.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CarteBlancheDbContext>();
            db.Add(new CarteBlanche.Network.Notifications.NotificationPreference { AccountId = accountId, DailyDigest = true });
            await db.SaveChangesAsync();
            await services.GetRequiredService<CarteBlanche.Network.Notifications.NetworkNotifier>().NotifyAsync([accountId], [], subject, "texte", "http://localhost/reseau", CancellationToken.None);
            await db.SaveChangesAsync();
        });
        Task<int> DigestsAsync() => instances.First.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == email && m.Body.Contains(subject)));
        Assert.Equal(0, await DigestsAsync()); // not sent immediately

        async Task RunDigestBothAsync()
        {
            async Task Run(CarteBlancheFactory instance)
            {
                await using var scope = instance.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CarteBlanche.Network.Notifications.DigestJob>().RunAsync(CancellationToken.None);
            }
            await Run(instances.First);
            await Run(instances.Second);
        }

        await RunDigestBothAsync();
        Assert.Equal(0, await DigestsAsync()); // written after today's digest hour: it waits for tomorrow's
        instances.Clock.Advance(TimeSpan.FromDays(1));
        await RunDigestBothAsync();
        await RunDigestBothAsync();
        Assert.Equal(1, await DigestsAsync());
    }

    private async Task RunBothManyTimesAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            await Task.WhenAll(RunAsync(instances.First), RunAsync(instances.Second));
            instances.Clock.Advance(TimeSpan.FromMinutes(5)); // a new tick: the job lease does not stop them, the reminder rows must
        }
    }

    private static async Task RunAsync(CarteBlancheFactory instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        // The job itself, straight, on both instances at once: exactly-once must hold without the lease.
        await scope.ServiceProvider.GetRequiredService<QuestionReminderJob>().RunAsync(CancellationToken.None);
    }

    private Task<List<ReminderKind>> RemindersAsync(Guid questionId) =>
        instances.First.WithDbAsync(db => db.Set<QuestionReminder>().Where(r => r.QuestionId == questionId).Select(r => r.Kind).OrderBy(k => k).ToListAsync())
            .ContinueWith(t => t.Result.OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList(), TaskScheduler.Default);

    private async Task<Guid> AskCafAsync()
    {
        await using var scope = instances.First.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CarteBlancheDbContext>();
        var agent = await db.Users.SingleAsync(u => u.Email == DemoData.EmailFor(Roles.Agent));
        var site = await db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync();
        var cases = services.GetRequiredService<IDeskCases>();
        Guid? caseId = null;
        foreach (var id in await cases.CaseIdsOfSiteAsync(site, DateTimeOffset.MinValue, CancellationToken.None))
        {
            if (await cases.FindAsync(id, CancellationToken.None) is { IsOpen: true, Resident: not null })
            {
                caseId = id;
                break;
            }
        }
        var caf = await db.Organisations.Where(o => o.Name == "CAF du Lot").Select(o => o.Id).SingleAsync();
        var result = await services.GetRequiredService<QuestionWorkflow>()
            .AskAsync(new AskRequest(caseId!.Value, (await cases.FindAsync(caseId.Value, CancellationToken.None))!.Needs.Select(n => n.Id).ToList(), caf, "Pouvez-vous vérifier ce dossier ?", [], []), new Actor(agent.Id, agent.OrganisationId), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.Question!.Id;
    }
}

public sealed class SqliteReminderTests : ReminderTests, IDisposable
{
    private readonly SqliteTwoInstances _instances;

    public SqliteReminderTests() : this(new SqliteTwoInstances()) { }

    private SqliteReminderTests(SqliteTwoInstances instances) : base(instances) => _instances = instances;

    public void Dispose() => _instances.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTests : ReminderTests, IDisposable
{
    private readonly PostgresTwoInstances _instances;

    public PostgresReminderTests(PostgresServer server) : this(new PostgresTwoInstances(server)) { }

    private PostgresReminderTests(PostgresTwoInstances instances) : base(instances) => _instances = instances;

    public void Dispose() => _instances.Dispose();
}
