using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Platform.Jobs;

/// <summary>A job that runs once per tick (its interval) across every instance. Resolved in its own scope.</summary>
public interface IRecurringJob
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One row per job and tick. The primary key (job, tick) is the lease: the instance whose insert
/// succeeds runs the job for that tick; the others get a key violation and skip it.
/// See docs/adr/0003-recurring-jobs-database-lease.md.
/// </summary>
public sealed class JobRun
{
    public required string JobName { get; set; }
    public DateTimeOffset TickStart { get; set; }
    public required string InstanceId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public bool? Succeeded { get; set; }
    public string? Error { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("platform_job_runs");
        b.HasKey(r => new { r.JobName, r.TickStart });
        b.Property(r => r.JobName).HasMaxLength(100);
        b.Property(r => r.InstanceId).HasMaxLength(100);
        b.Property(r => r.Error).HasMaxLength(1000);
    }
}

public sealed class JobOptions
{
    public const string Section = "Jobs";
    public bool Enabled { get; set; } = true;
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Jobs:PollInterval doit être compris entre 50 ms et 1 h.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Jobs:InstanceId ne peut pas être vide.")]
    [System.ComponentModel.DataAnnotations.StringLength(100, ErrorMessage = "Jobs:InstanceId fait au plus 100 caractères.")]
    public string InstanceId { get; set; } = NewInstanceId();

    private static string NewInstanceId()
    {
        var id = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return id.Length <= 100 ? id : id[^100..];
    }
}

public sealed partial class RecurringJobRunner(
    IServiceScopeFactory scopeFactory,
    IEnumerable<IRecurringJobRegistration> registrations,
    IOptions<JobOptions> options,
    TimeProvider timeProvider,
    ILogger<RecurringJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueJobsAsync(stoppingToken);
            }
            // Only the host's shutdown ends the loop: a timeout or a cancelled query (also an
            // OperationCanceledException) is a failed pass, logged and retried at the next poll.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunnerFailed(logger, ex);
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs each job whose current tick has not been taken yet; returns the names of the jobs this instance ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueJobsAsync(CancellationToken cancellationToken)
    {
        var ran = new List<string>();
        foreach (var registration in registrations)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var job = (IRecurringJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
            var now = timeProvider.GetUtcNow();
            var tick = TickStart(now, job.Interval);
            if (!await TryTakeTickAsync(scope.ServiceProvider, job.Name, tick, now, cancellationToken))
            {
                continue;
            }
            string? error = null;
            try
            {
                await job.RunAsync(cancellationToken);
                ran.Add(job.Name);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                error = ex.GetType().Name;
                LogJobFailed(logger, job.Name, ex);
            }
            var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
            var finished = timeProvider.GetUtcNow();
            await db.JobRuns.Where(r => r.JobName == job.Name && r.TickStart == tick)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, finished)
                    .SetProperty(r => r.Succeeded, error == null)
                    .SetProperty(r => r.Error, error), CancellationToken.None);
        }
        return ran;
    }

    public static DateTimeOffset TickStart(DateTimeOffset now, TimeSpan interval)
    {
        var ticks = now.UtcTicks - (now.UtcTicks % interval.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    private async Task<bool> TryTakeTickAsync(IServiceProvider services, string jobName, DateTimeOffset tick, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CarteBlancheDbContext>();
        // Most polls find the tick already taken: look first, so that the database does not log a refused insert every time.
        if (await db.JobRuns.AnyAsync(r => r.JobName == jobName && r.TickStart == tick, cancellationToken))
        {
            return false;
        }
        db.JobRuns.Add(new JobRun { JobName = jobName, TickStart = tick, InstanceId = options.Value.InstanceId, StartedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Taken by another instance (or by this one, earlier in the tick) if the row is there;
            // otherwise the database failed for another reason, which the runner logs.
            if (await db.JobRuns.AnyAsync(r => r.JobName == jobName && r.TickStart == tick, cancellationToken))
            {
                return false;
            }
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recurring job {JobName} failed")]
    private static partial void LogJobFailed(ILogger logger, string jobName, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recurring job runner pass failed")]
    private static partial void LogRunnerFailed(ILogger logger, Exception exception);
}

public interface IRecurringJobRegistration
{
    Type JobType { get; }
}

internal sealed record RecurringJobRegistration(Type JobType) : IRecurringJobRegistration;

public static class RecurringJobServiceCollectionExtensions
{
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services)
        where TJob : class, IRecurringJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton<IRecurringJobRegistration>(new RecurringJobRegistration(typeof(TJob)));
        return services;
    }
}
