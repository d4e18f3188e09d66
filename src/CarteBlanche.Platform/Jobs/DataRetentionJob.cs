using CarteBlanche.Platform.Notifications;

namespace CarteBlanche.Platform.Jobs;

/// <summary>
/// Wipes what the platform no longer needs: delivered messages (their content is personal data)
/// after 30 days, failed ones after 90, invitations 30 days after they expired, job runs after 30 days.
/// Modules add their own retention jobs for their data.
/// </summary>
public sealed class DataRetentionJob(CarteBlancheDbContext db, TimeProvider timeProvider) : IRecurringJob
{
    public string Name => "platform.data-retention";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var sentBefore = now.AddDays(-30);
        var failedBefore = now.AddDays(-90);
        await db.OutboxMessages
            .Where(m => (m.Status == OutboxStatus.Sent && m.SentAt < sentBefore) || (m.Status == OutboxStatus.Failed && m.CreatedAt < failedBefore))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.ExpiresAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        await db.JobRuns.Where(r => r.StartedAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
    }
}
