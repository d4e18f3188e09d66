using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Desk.Retention;

/// <summary>
/// How long the desk keeps a resident's personal data: as long as one of their cases is open, then
/// <see cref="DeskOptions.RetentionMonths"/> after the last one was closed (after their registration if
/// they never had a case).
/// </summary>
public static class RetentionRule
{
    /// <summary>Cases closed (residents registered) before this instant are past retention.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int months) => now.AddMonths(-months);

    /// <summary>
    /// Until when the resident's data is kept, or null while one of their cases is open.
    /// <paramref name="cases"/> are all the resident's cases, on every site.
    /// </summary>
    public static DateTimeOffset? KeptUntil(DateTimeOffset registeredAt, IReadOnlyCollection<(bool IsOpen, DateTimeOffset? ClosedAt)> cases, int months)
    {
        if (cases.Any(c => c.IsOpen))
        {
            return null;
        }
        var lastClosed = cases.Select(c => c.ClosedAt).Max();
        return (lastClosed ?? registeredAt).AddMonths(months);
    }
}

/// <summary>
/// Every day, wipes the personal data of cases closed for longer than <see cref="DeskOptions.RetentionMonths"/>,
/// keeping the anonymous figures: the case row stays (site, dates, states, path, outcome, needs' domains) but its
/// free texts are cleared, its timeline and contact history deleted. A resident none of whose cases is still
/// within retention is deleted, as is a resident registered that long ago who never had a case.
/// Batches of <see cref="BatchSize"/> cases, one transaction each: an interrupted run leaves no case half-wiped,
/// and the next run takes up where it stopped. Wiped cases are marked (<see cref="Case.WipedAt"/>): running again
/// changes nothing. One audit entry per wiped case and per deleted resident, identifiers only.
/// </summary>
public sealed partial class DeskRetentionJob(
    CarteBlancheDbContext db,
    IAuditLog auditLog,
    IOptions<DeskOptions> options,
    TimeProvider timeProvider,
    IEnumerable<Contracts.ICasePersonalDataWipe> otherModules,
    IEnumerable<Contracts.IResidentPersonalDataWipe> otherModulesOfResidents,
    ILogger<DeskRetentionJob> logger) : IRecurringJob
{
    public const int BatchSize = 100;

    public string Name => "desk.retention";
    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var cutoff = RetentionRule.Cutoff(now, options.Value.RetentionMonths);
        var wipedCases = 0;
        var deletedResidents = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (cases, residents) = await WipeCasesAsync(cutoff, now, cancellationToken);
            if (cases.Count == 0)
            {
                break;
            }
            wipedCases += cases.Count;
            deletedResidents += residents.Count;
        }
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var residents = await DeleteResidentsWithoutCasesAsync(cutoff, cancellationToken);
            if (residents.Count == 0)
            {
                break;
            }
            deletedResidents += residents.Count;
        }
        if (wipedCases + deletedResidents > 0)
        {
            LogWiped(logger, wipedCases, deletedResidents);
        }
    }

    private async Task<(List<Guid> Cases, List<Guid> Residents)> WipeCasesAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<Case>().Include(c => c.Needs)
            .Where(c => c.State == CaseState.Closed && c.WipedAt == null && c.ClosedAt < cutoff)
            .OrderBy(c => c.ClosedAt).ThenBy(c => c.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return ([], []);
        }
        foreach (var @case in batch)
        {
            @case.ReferredTo = null;
            @case.ReferralOutcome = null;
            @case.ClosingReason = null;
            @case.WipedAt = now;
            @case.Version = Guid.NewGuid();
            foreach (var need in @case.Needs)
            {
                need.Description = "";
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        var caseIds = batch.Select(c => c.Id).ToList();
        await db.Set<CaseEvent>().Where(e => caseIds.Contains(e.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ContactRecord>().Where(r => r.CaseId != null && caseIds.Contains(r.CaseId.Value)).ExecuteDeleteAsync(cancellationToken);
        foreach (var module in otherModules)
        {
            await module.WipeAsync(caseIds, cancellationToken);
        }

        // Their residents go when none of their cases, on any site, is open or closed within retention.
        var candidates = batch.Where(c => c.ResidentId != null).Select(c => c.ResidentId!.Value).Distinct().ToList();
        var kept = await db.Set<Case>()
            .Where(c => c.ResidentId != null && candidates.Contains(c.ResidentId.Value) && (c.State != CaseState.Closed || c.ClosedAt >= cutoff))
            .Select(c => c.ResidentId!.Value).Distinct().ToListAsync(cancellationToken);
        var residents = candidates.Except(kept).ToList();
        if (residents.Count > 0)
        {
            await db.Set<Case>().Where(c => c.ResidentId != null && residents.Contains(c.ResidentId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResidentId, (Guid?)null), cancellationToken);
            await DeleteResidentsAsync(residents, cancellationToken);
        }
        Journal(caseIds, residents);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (caseIds, residents);
    }

    private async Task<List<Guid>> DeleteResidentsWithoutCasesAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var residents = await db.Set<Resident>()
            .Where(r => r.CreatedAt < cutoff && !db.Set<Case>().Any(c => c.ResidentId == r.Id))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (residents.Count > 0)
        {
            await DeleteResidentsAsync(residents, cancellationToken);
            Journal([], residents);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return residents;
    }

    /// <summary>
    /// What other modules keep about them, their contact history, then them. A case opened meanwhile for one of them makes the deletion fail
    /// (the foreign key restricts it): the batch rolls back, and the next run keeps that resident.
    /// </summary>
    private async Task DeleteResidentsAsync(List<Guid> residents, CancellationToken cancellationToken)
    {
        foreach (var module in otherModulesOfResidents)
        {
            await module.WipeAsync(residents, cancellationToken);
        }
        await db.Set<ContactRecord>().Where(r => residents.Contains(r.ResidentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Resident>().Where(r => residents.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Journaled in the batch's transaction: a batch rolled back leaves no line, a committed one always has its lines.</summary>
    private void Journal(List<Guid> cases, List<Guid> residents)
    {
        foreach (var id in cases)
        {
            auditLog.Add(db, new AuditEvent("case.retention-wipe", "Case", id.ToString("D"), AuditPurpose.RetentionElapsed));
        }
        foreach (var id in residents)
        {
            auditLog.Add(db, new AuditEvent("resident.retention-delete", "Resident", id.ToString("D"), AuditPurpose.RetentionElapsed));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk retention: {CaseCount} case(s) wiped, {ResidentCount} resident(s) deleted")]
    private static partial void LogWiped(ILogger logger, int caseCount, int residentCount);
}
