using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Jobs;
using CarteBlanche.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace CarteBlanche.IntegrationTests.Jobs;

/// <summary>
/// A timeout inside background work (a query cancelled by the database, an SMTP server that does not
/// answer) is an OperationCanceledException that is not the host's shutdown: it must be a failed
/// attempt, logged and retried, not an exception that stops the host.
/// </summary>
public abstract class TimeoutTests
{
    protected abstract TestDatabase NewDatabase();

    [Fact]
    public async Task A_job_that_times_out_is_recorded_as_failed_and_the_other_jobs_still_run()
    {
        await using var app = new CarteBlancheFactory(NewDatabase(), configureServices: services => services.AddRecurringJob<TimesOutJob>());
        var runner = app.Services.GetRequiredService<RecurringJobRunner>();

        var ran = await runner.RunDueJobsAsync(CancellationToken.None);

        Assert.Contains("platform.data-retention", ran);
        Assert.DoesNotContain(TimesOutJob.JobName, ran);
        var run = await app.WithDbAsync(db => db.JobRuns.AsNoTracking().SingleAsync(r => r.JobName == TimesOutJob.JobName));
        Assert.False(run.Succeeded);
        Assert.Equal(nameof(TaskCanceledException), run.Error);
    }

    [Fact]
    public async Task An_smtp_server_that_times_out_leaves_the_message_pending_for_a_later_attempt()
    {
        await using var app = new CarteBlancheFactory(NewDatabase(), configureServices: services =>
        {
            services.RemoveAll<IEmailSender>();
            services.AddScoped<IEmailSender, TimesOutEmailSender>();
        });
        var id = await app.InScopeAsync(async sp =>
        {
            var message = sp.GetRequiredService<Outbox>().QueueEmail("usager@exemple.fr", "Rappel", "Votre dossier est complet.");
            await sp.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>().SaveChangesAsync();
            return message.Id;
        });

        Assert.Equal(0, await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));

        var message = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Null(message.ClaimedUntil);
    }

    [Fact]
    public async Task A_poll_interval_out_of_range_fails_at_start_naming_the_setting()
    {
        await using var app = new CarteBlancheFactory(NewDatabase(), settings: new Dictionary<string, string> { ["Jobs:PollInterval"] = "00:00:00" });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Jobs:PollInterval doit être compris entre 50 ms et 1 h.", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class TimesOutJob : IRecurringJob
    {
        public const string JobName = "test.times-out";
        public string Name => JobName;
        public TimeSpan Interval => TimeSpan.FromHours(1);
        public Task RunAsync(CancellationToken cancellationToken) => throw new TaskCanceledException("The database did not answer in time.");
    }

    private sealed class TimesOutEmailSender : IEmailSender
    {
        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) => throw new TaskCanceledException("The SMTP server did not answer in time.");
    }
}

public sealed class SqliteTimeoutTests : TimeoutTests
{
    protected override TestDatabase NewDatabase() => TestDatabase.SqliteWithDemoData();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTimeoutTests(PostgresServer server) : TimeoutTests
{
    protected override TestDatabase NewDatabase() => TestDatabase.PostgresWithDemoData(server, "timeout");
}
