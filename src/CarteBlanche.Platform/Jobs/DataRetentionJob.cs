using CarteBlanche.Platform.Notifications;

namespace CarteBlanche.Platform.Jobs;

/// <summary>
/// Wipes what the platform no longer needs: delivered messages (their content is personal data)
/// after 30 days, failed ones after 90, invitations 30 days after they expired, job runs after 30 days; satisfaction
/// comments nobody reviewed within 90 days (their text), and the link of an answer to its case, ride or passage after
/// a year (the results need only the solution, the site, the day and the score).
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
        await db.Set<Results.SatisfactionAnswer>().Where(a => a.Review == Results.CommentReview.Pending && a.RecordedAt < failedBefore)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Comment, (string?)null).SetProperty(x => x.Review, Results.CommentReview.Rejected), cancellationToken);
        var yearAgo = DateOnly.FromDateTime(now.UtcDateTime).AddYears(-1);
        await db.Set<Results.SatisfactionAnswer>().Where(a => a.SourceId != null && a.Day < yearAgo)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.SourceId, (Guid?)null), cancellationToken);
    }
}
