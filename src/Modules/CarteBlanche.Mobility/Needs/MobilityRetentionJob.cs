using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Mobility.Needs;

/// <summary>
/// Every day, wipes the name and phone of the persons (passengers and drivers) whose last need's day and last trip's
/// end are more than <see cref="MobilityOptions.RetentionMonths"/> ago, and the notes of their needs. The needs, trips
/// and rides stay, anonymous, for the figures and the table of unmet needs. Batches of <see cref="BatchSize"/>, one
/// transaction each: an interrupted run leaves no person half-wiped, and the next run takes up where it stopped. One
/// audit entry per person, its identifier only.
/// </summary>
public sealed partial class MobilityRetentionJob(CarteBlancheDbContext db, IAuditLog auditLog, IOptions<MobilityOptions> options, ParisClock clock, ILogger<MobilityRetentionJob> logger) : IRecurringJob
{
    public const int BatchSize = 100;
    public const string Wiped = "(effacé)";

    public string Name => "mobility.retention";
    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.Today.AddMonths(-options.Value.RetentionMonths);
        var wiped = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await WipeAsync(cutoff, cancellationToken);
            if (batch == 0)
            {
                break;
            }
            wiped += batch;
        }
        if (wiped > 0)
        {
            LogWiped(logger, wiped);
        }
    }

    private async Task<int> WipeAsync(DateOnly cutoff, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Past retention: created before the cutoff, no need on or after it, no trip running until after it.
        var created = new DateTimeOffset(cutoff.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var candidates = await db.Set<TravelPerson>()
            .Where(p => p.WipedAt == null
                && !db.Set<TravelNeed>().Any(n => n.PersonId == p.Id && n.Day >= cutoff)
                && !db.Set<RegularTrip>().Any(t => t.DriverId == p.Id && t.Expires >= cutoff))
            .ToListAsync(cancellationToken);
        // Creation instants compared in memory (SQLite cannot order DateTimeOffset).
        var batch = candidates.Where(p => p.CreatedAt < created).OrderBy(p => p.CreatedAt).Take(BatchSize).ToList();
        if (batch.Count == 0)
        {
            return 0;
        }
        var now = clock.Now;
        foreach (var person in batch)
        {
            person.FirstName = Wiped;
            person.LastName = Wiped;
            person.Phone = null;
            person.WipedAt = now;
            auditLog.Add(db, new AuditEvent("mobility.person-wipe", "TravelPerson", person.Id.ToString("D"), AuditPurpose.MobilityHelp));
        }
        await db.SaveChangesAsync(cancellationToken);
        var ids = batch.Select(p => p.Id).ToList();
        await db.Set<TravelNeed>().Where(n => ids.Contains(n.PersonId)).ExecuteUpdateAsync(s => s.SetProperty(n => n.Note, (string?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mobility retention: {Count} person(s) wiped")]
    private static partial void LogWiped(ILogger logger, int count);
}
