using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Jobs;
using CarteBlanche.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace CarteBlanche.IntegrationTests.Jobs;

/// <summary>Two instances of the app on one database, on one clock that the tests move.</summary>
public abstract class TwoInstances : IDisposable
{
    private readonly TestDatabase _database;

    protected TwoInstances(TestDatabase database)
    {
        _database = database;
        Clock = new TestClock(new DateTimeOffset(2026, 3, 16, 9, 10, 0, TimeSpan.Zero));
        void UseClock(IServiceCollection services)
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        }
        First = new CarteBlancheFactory(database, ownsDatabase: false, configureServices: UseClock);
        _ = First.Services; // migrates before the second starts
        Second = new CarteBlancheFactory(database, ownsDatabase: false, configureServices: UseClock);
        _ = Second.Services;
    }

    public TestClock Clock { get; }
    public CarteBlancheFactory First { get; }
    public CarteBlancheFactory Second { get; }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
        _database.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteTwoInstances() : TwoInstances(TestDatabase.Sqlite());

public sealed class PostgresTwoInstances(PostgresServer server) : TwoInstances(TestDatabase.Postgres(server, "jobs"));

public abstract class RecurringJobTests(TwoInstances instances)
{
    private const string Retention = "platform.data-retention";

    [Fact]
    public async Task Two_instances_at_the_same_time_run_the_job_once_per_tick()
    {
        instances.Clock.Advance(TimeSpan.FromHours(1)); // a tick no other test has used
        var tick = RecurringJobRunner.TickStart(instances.Clock.GetUtcNow(), TimeSpan.FromHours(1));

        var firstTick = await RunBothAsync();
        Assert.Equal(1, firstTick.Count(name => name == Retention));

        // Same tick, a few minutes later: nobody runs it again.
        instances.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.DoesNotContain(Retention, await RunBothAsync());

        var runs = await instances.First.WithDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.JobName == Retention && r.TickStart == tick).ToListAsync());
        var run = Assert.Single(runs);
        Assert.True(run.Succeeded);
        Assert.NotNull(run.FinishedAt);
        Assert.Null(run.Error);

        // Next tick: once again.
        instances.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await RunBothAsync()).Count(name => name == Retention));
    }

    [Fact]
    public async Task Data_retention_wipes_old_delivered_and_failed_messages_only()
    {
        instances.Clock.Advance(TimeSpan.FromHours(1));
        var now = instances.Clock.GetUtcNow();
        OutboxMessage Message(string name, OutboxStatus status, int createdDaysAgo, int? sentDaysAgo) => new()
        {
            Recipient = $"{name}@exemple.fr",
            Subject = name,
            Body = "…",
            Status = status,
            CreatedAt = now.AddDays(-createdDaysAgo),
            NextAttemptAt = now.AddDays(-createdDaysAgo),
            SentAt = sentDaysAgo is { } d ? now.AddDays(-d) : null,
        };
        var messages = new[]
        {
            Message("sent-31-days-ago", OutboxStatus.Sent, 31, 31),
            Message("sent-29-days-ago", OutboxStatus.Sent, 29, 29),
            Message("failed-91-days-ago", OutboxStatus.Failed, 91, null),
            Message("failed-89-days-ago", OutboxStatus.Failed, 89, null),
            Message("pending-since-100-days", OutboxStatus.Pending, 100, null),
        };
        await instances.First.WithDbAsync(db =>
        {
            db.OutboxMessages.AddRange(messages);
            return db.SaveChangesAsync();
        });

        Assert.Contains(Retention, await RunBothAsync());

        var ids = messages.Select(m => m.Id).ToList();
        var left = await instances.Second.WithDbAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).Select(m => m.Subject).ToListAsync());
        Assert.Equal(["failed-89-days-ago", "pending-since-100-days", "sent-29-days-ago"], left.Order());
    }

    private async Task<List<string>> RunBothAsync()
    {
        var runners = new[] { instances.First, instances.Second }.Select(f => f.Services.GetRequiredService<RecurringJobRunner>()).ToList();
        using var go = new ManualResetEventSlim();
        var passes = runners.Select(r => Task.Run(async () =>
        {
            go.Wait();
            return await r.RunDueJobsAsync(CancellationToken.None);
        })).ToList();
        go.Set();
        return (await Task.WhenAll(passes)).SelectMany(names => names).ToList();
    }
}

public sealed class SqliteRecurringJobTests(SqliteTwoInstances instances) : RecurringJobTests(instances), IClassFixture<SqliteTwoInstances>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRecurringJobTests(PostgresTwoInstances instances) : RecurringJobTests(instances), IClassFixture<PostgresTwoInstances>;
