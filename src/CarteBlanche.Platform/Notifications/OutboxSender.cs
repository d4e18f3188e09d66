using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Platform.Notifications;

/// <summary>
/// Delivers due outbox messages. Each message is claimed with a conditional UPDATE before it is
/// sent: with several instances on one database, exactly one wins the claim and sends it.
/// Failures are retried with exponential backoff, then marked Failed.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopeFactory,
    IOptions<NotificationOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            // Only the host's shutdown ends the loop (see RecurringJobRunner).
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSenderFailed(logger, ex);
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

    /// <summary>One pass over due messages; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
        var now = timeProvider.GetUtcNow();
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                        && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in candidates)
        {
            if (await TrySendOneAsync(scope.ServiceProvider, db, id, cancellationToken))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task<bool> TrySendOneAsync(IServiceProvider services, CarteBlancheDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = timeProvider.GetUtcNow();
        var token = Guid.NewGuid();
        var claimUntil = now + o.ClaimDuration;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, claimUntil), cancellationToken);
        if (claimed != 1)
        {
            return false; // another instance has it
        }

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            if (message.Channel == NotificationChannel.Email)
            {
                await services.GetRequiredService<IEmailSender>().SendAsync(message, cancellationToken);
            }
            else
            {
                await services.GetRequiredService<ISmsSender>().SendAsync(message, cancellationToken);
            }
        }
        // A server that times out (OperationCanceledException too) is a failed attempt like any other.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var giveUp = attempts >= o.MaxAttempts;
            var delay = TimeSpan.FromTicks(o.FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 16)));
            var next = timeProvider.GetUtcNow() + (delay > TimeSpan.FromHours(6) ? TimeSpan.FromHours(6) : delay);
            var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            await db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, error), CancellationToken.None);
            LogSendFailed(logger, message.Id, message.Channel, attempts, giveUp);
            return false;
        }

        var sentAt = timeProvider.GetUtcNow();
        var marked = await db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.Attempts, message.Attempts + 1), CancellationToken.None);
        if (marked != 1)
        {
            // The claim expired while sending and another instance took the message over.
            LogClaimLost(logger, message.Id);
        }
        LogSent(logger, message.Id, message.Channel);
        return true;
    }

    // Identifiers only: never the recipient or the content.
    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} sent by {Channel}")]
    private static partial void LogSent(ILogger logger, Guid messageId, NotificationChannel channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Channel}) failed, attempt {Attempt}, given up: {GivenUp}")]
    private static partial void LogSendFailed(ILogger logger, Guid messageId, NotificationChannel channel, int attempt, bool givenUp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId}: claim lost while sending; it may be sent twice")]
    private static partial void LogClaimLost(ILogger logger, Guid messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox sender pass failed")]
    private static partial void LogSenderFailed(ILogger logger, Exception exception);
}
