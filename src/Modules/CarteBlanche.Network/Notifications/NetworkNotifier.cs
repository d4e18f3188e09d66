using CarteBlanche.Platform.Notifications;
using CarteBlanche.Platform.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Network.Notifications;

/// <summary>An account's choice: every network e-mail at once, or one daily digest.</summary>
public sealed class NotificationPreference
{
    public Guid AccountId { get; set; }
    public bool DailyDigest { get; set; }
}

/// <summary>A notification kept for the account's next daily digest.</summary>
public sealed class DigestEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AccountId { get; set; }
    public required string Subject { get; set; }
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>
/// The network's e-mails (new question, answer, reminder, escalation). They carry references and links, never a
/// resident's data. Queued in the caller's unit of work: they leave only if its SaveChanges succeeds.
/// </summary>
public sealed class NetworkNotifier(CarteBlancheDbContext db, Outbox outbox, TimeProvider timeProvider, IOptions<AppOptions> appOptions, IHttpContextAccessor httpContextAccessor)
{
    /// <summary>An absolute link for an e-mail: App:PublicUrl, else the current request's address (jobs have none: set App:PublicUrl in production).</summary>
    public string LinkTo(string path)
    {
        var request = httpContextAccessor.HttpContext?.Request;
        var baseUrl = request != null ? appOptions.Value.BaseUrlFor(request)
            : string.IsNullOrWhiteSpace(appOptions.Value.PublicUrl) ? "http://localhost:5080" : appOptions.Value.PublicUrl.TrimEnd('/');
        return baseUrl + path;
    }

    /// <summary>Notifies accounts (immediately or in their digest) and mailboxes (always immediately); returns how many were notified.</summary>
    public async Task<int> NotifyAsync(IReadOnlyCollection<Guid> accountIds, IReadOnlyCollection<string> mailboxes, string subject, string text, string link, CancellationToken cancellationToken)
    {
        var accounts = await db.Users.Where(u => accountIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, Digest = db.Set<NotificationPreference>().Any(p => p.AccountId == u.Id && p.DailyDigest) })
            .ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var sentTo = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts)
        {
            sentTo.Add(account.Email!);
            if (account.Digest)
            {
                db.Add(new DigestEntry { AccountId = account.Id, Subject = subject, Link = link, CreatedAt = now });
            }
            else
            {
                outbox.QueueEmail(account.Email!, subject, Body(text, link));
            }
        }
        foreach (var mailbox in mailboxes.Where(m => !string.IsNullOrWhiteSpace(m) && sentTo.Add(m)))
        {
            outbox.QueueEmail(mailbox, subject, Body(text, link));
        }
        return sentTo.Count;
    }

    public static string Body(string text, string link) =>
        $"""
        Bonjour,

        {text}

        {link}

        Ce message vous est envoyé par Carte Blanche, le réseau des services publics de proximité.
        Vous pouvez choisir de recevoir un seul récapitulatif par jour depuis le menu « Sollicitations », lien « Mes notifications ».
        """;
}
