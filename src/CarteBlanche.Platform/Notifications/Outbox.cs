
namespace CarteBlanche.Platform.Notifications;

/// <summary>Queues messages in the caller's unit of work: they leave only if the caller's SaveChanges succeeds.</summary>
public sealed class Outbox(CarteBlancheDbContext db, TimeProvider timeProvider)
{
    public OutboxMessage QueueEmail(string to, string subject, string body) => Queue(NotificationChannel.Email, to, subject, body);

    public OutboxMessage QueueSms(string to, string body) => Queue(NotificationChannel.Sms, to, "", body);

    private OutboxMessage Queue(NotificationChannel channel, string to, string subject, string body)
    {
        var now = timeProvider.GetUtcNow();
        var message = new OutboxMessage
        {
            Channel = channel,
            Recipient = to,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
