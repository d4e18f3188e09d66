using System.Security.Cryptography;
using CarteBlanche.Platform.Web;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;

namespace CarteBlanche.Bus;

public enum SubscriptionChannel
{
    Email,
    Sms,
}

/// <summary>A resident who asked to be told when the bus's passages change in a commune. Deleted on unsubscribing.</summary>
public sealed class BusSubscription
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string CommuneInseeCode { get; set; }
    public SubscriptionChannel Channel { get; set; }
    /// <summary>E-mail address or mobile number.</summary>
    public required string Address { get; set; }
    /// <summary>When the resident asked (ticked the consent box on the commune page).</summary>
    public DateTimeOffset ConsentAt { get; set; }
    /// <summary>When the resident opened the confirmation link (double opt-in). Until then nothing is sent but that link.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
    /// <summary>When the confirmation message was last sent: asking again re-sends it at most once an hour.</summary>
    public DateTimeOffset? ConfirmationSentAt { get; set; }
    /// <summary>SHA-256 of the unsubscribe token sent in every message: how the unsubscribe link finds the subscription.</summary>
    public required string TokenHash { get; set; }
    /// <summary>
    /// The same token encrypted with the app's data protection keys, so that every message carries the same link (an
    /// older message's link keeps working). Null until the first message.
    /// </summary>
    public string? ProtectedToken { get; set; }

    public static (BusSubscription Subscription, string Token) Create(string communeCode, SubscriptionChannel channel, string address, DateTimeOffset now)
    {
        var token = NewToken();
        return (new BusSubscription { CommuneInseeCode = communeCode, Channel = channel, Address = address, ConsentAt = now, TokenHash = HashOf(token) }, token);
    }

    /// <summary>A fresh unsubscribe token: 24 random bytes, URL-safe base64 (short enough for an SMS).</summary>
    public static string NewToken() => SecretTokens.New();

    public static string HashOf(string token) => SecretTokens.HashOf(token);
}

internal sealed class BusSubscriptionConfiguration : IEntityTypeConfiguration<BusSubscription>
{
    public void Configure(EntityTypeBuilder<BusSubscription> b)
    {
        b.ToTable("bus_subscriptions");
        b.Property(s => s.CommuneInseeCode).HasMaxLength(5);
        b.Property(s => s.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Address).HasMaxLength(254);
        b.Property(s => s.TokenHash).HasMaxLength(64);
        b.Property(s => s.ProtectedToken).HasMaxLength(400);
        b.HasIndex(s => s.TokenHash).IsUnique();
        b.HasIndex(s => new { s.CommuneInseeCode, s.Address }).IsUnique();
    }
}

/// <summary>
/// Tells a commune's subscribers that a passage changed. Every message carries the subscription's unsubscribe link:
/// its token is made at the first message and kept encrypted (data protection), so later messages carry the same one.
/// </summary>
public sealed class ChangeNotifier(CarteBlancheDbContext db, Outbox outbox, IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("CarteBlanche.Bus.Unsubscribe");

    /// <summary>The subscription's token; a new one (replacing hash and encrypted copy) when there is none or it cannot be read back (keys lost).</summary>
    internal string TokenOf(BusSubscription subscription)
    {
        if (subscription.ProtectedToken is { } stored)
        {
            try
            {
                var token = _protector.Unprotect(stored);
                if (BusSubscription.HashOf(token) == subscription.TokenHash)
                {
                    return token;
                }
            }
            catch (CryptographicException)
            {
                // Keys rotated away or lost: a fresh token below; older links stop working.
            }
        }
        var fresh = BusSubscription.NewToken();
        (subscription.TokenHash, subscription.ProtectedToken) = (BusSubscription.HashOf(fresh), _protector.Protect(fresh));
        return fresh;
    }

    public async Task<int> NotifyAsync(string communeCode, string communeName, string text, string baseUrl, CancellationToken cancellationToken)
    {
        // Only confirmed subscriptions (double opt-in): an address nobody confirmed gets nothing but its confirmation link.
        var subscriptions = await db.Set<BusSubscription>().Where(s => s.CommuneInseeCode == communeCode && s.ConfirmedAt != null).ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            var stop = $"{baseUrl}/car/desabonnement/{TokenOf(subscription)}";
            if (subscription.Channel == SubscriptionChannel.Email)
            {
                outbox.QueueEmail(subscription.Address, $"Car France Services à {communeName} : changement", $"""
                    Bonjour,

                    {text}

                    Tous les horaires : {baseUrl}/car/communes/{communeCode}

                    Vous recevez ce message parce que vous avez demandé à être prévenu(e) des changements du car France Services à {communeName}.
                    Ne plus être prévenu(e) : {stop}
                    """);
            }
            else
            {
                outbox.QueueSms(subscription.Address, $"Car France Services {communeName} : {text} Horaires : {baseUrl}/car/communes/{communeCode} Stop : {stop}");
            }
        }
        return subscriptions.Count;
    }
}

public enum SubscriptionOutcome
{
    /// <summary>A confirmation link was sent, or had been sent within the hour, or the address is already subscribed: the resident is told the same thing.</summary>
    Requested,
    /// <summary>Too many unconfirmed requests for this address: nothing sent.</summary>
    TooManyPending,
}

public enum ConfirmationOutcome
{
    Confirmed,
    AlreadyConfirmed,
    Expired,
    Unknown,
}

/// <summary>
/// Subscribing to a commune's changes, with double opt-in: the request stores the address unconfirmed and sends a
/// confirmation link; only a confirmed subscription is told of changes. Unconfirmed requests are wiped after
/// <see cref="ConfirmationDays"/> days. Asking twice (a double submit included) changes nothing and sends nothing more
/// within the hour. Each step is journaled (audit log, identifiers only) and logged without the address.
/// </summary>
public sealed partial class SubscriptionRequests(CarteBlancheDbContext db, Outbox outbox, ChangeNotifier notifier, IAuditLog auditLog, TimeProvider timeProvider, ILogger<SubscriptionRequests> logger)
{
    public const int ConfirmationDays = 7;
    /// <summary>Unconfirmed requests one address may have at once (one per commune): bounds the messages a stranger can make it receive.</summary>
    public const int MaxPendingPerAddress = 3;
    public static readonly TimeSpan ResendAfter = TimeSpan.FromHours(1);

    /// <summary>The normalised address: an e-mail in lower case, a mobile number as its 10 digits.</summary>
    public static string Normalise(SubscriptionChannel channel, string address) =>
        channel == SubscriptionChannel.Sms ? new string(address.Where(char.IsDigit).ToArray()) : address.Trim().ToLowerInvariant();

    public async Task<SubscriptionOutcome> RequestAsync(string communeCode, string communeName, SubscriptionChannel channel, string address, string baseUrl, CancellationToken cancellationToken)
    {
        var normalised = Normalise(channel, address);
        var now = timeProvider.GetUtcNow();
        var subscription = await db.Set<BusSubscription>().SingleOrDefaultAsync(s => s.CommuneInseeCode == communeCode && s.Address == normalised, cancellationToken);
        if (subscription != null && (subscription.ConfirmedAt != null || subscription.ConfirmationSentAt > now - ResendAfter))
        {
            LogAlreadyRequested(logger, subscription.Id, communeCode);
            return SubscriptionOutcome.Requested;
        }
        if (subscription == null)
        {
            var pending = await db.Set<BusSubscription>().CountAsync(s => s.Address == normalised && s.ConfirmedAt == null, cancellationToken);
            if (pending >= MaxPendingPerAddress)
            {
                LogTooManyPending(logger, communeCode);
                return SubscriptionOutcome.TooManyPending;
            }
            subscription = BusSubscription.Create(communeCode, channel, normalised, now).Subscription;
            db.Add(subscription);
        }
        else
        {
            subscription.ConsentAt = now; // asked again: the link's week starts again
        }
        subscription.ConfirmationSentAt = now;
        var link = $"{baseUrl}/car/abonnement/{notifier.TokenOf(subscription)}";
        if (channel == SubscriptionChannel.Email)
        {
            outbox.QueueEmail(normalised, $"Car France Services à {communeName} : confirmez votre demande", $"""
                Bonjour,

                Vous avez demandé à être prévenu(e) des changements de passage du car France Services à {communeName}.
                Pour confirmer, ouvrez ce lien dans les {ConfirmationDays} jours : {link}

                Si vous n'êtes pas à l'origine de cette demande, ne faites rien : sans confirmation, votre adresse est effacée et vous ne recevrez plus rien.
                """);
        }
        else
        {
            outbox.QueueSms(normalised, $"Car France Services {communeName} : pour confirmer votre demande d'être prévenu(e) des changements, ouvrez {link} (sans réponse, rien ne vous sera envoyé).");
        }
        auditLog.Add(db, new AuditEvent("bus.subscription-requested", nameof(BusSubscription), subscription.Id.ToString("D"), AuditPurpose.BusSubscription));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await RequestedMeanwhileAsync(communeCode, normalised, cancellationToken))
            {
                throw;
            }
            // The same request submitted twice at once: the other one stored it and sent the link.
            LogAlreadyRequested(logger, subscription.Id, communeCode);
            return SubscriptionOutcome.Requested;
        }
        LogRequested(logger, subscription.Id, communeCode, channel);
        return SubscriptionOutcome.Requested;
    }

    private async Task<bool> RequestedMeanwhileAsync(string communeCode, string normalised, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Set<BusSubscription>().AnyAsync(s => s.CommuneInseeCode == communeCode && s.Address == normalised, cancellationToken);
    }

    /// <summary>What the confirmation link points to, without changing anything (the page asks for a click: link checkers in mailboxes open links).</summary>
    public async Task<(ConfirmationOutcome Outcome, string? CommuneCode)> CheckAsync(string token, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(token, cancellationToken);
        return (OutcomeOf(subscription), subscription?.CommuneInseeCode);
    }

    public async Task<(ConfirmationOutcome Outcome, string? CommuneCode)> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(token, cancellationToken);
        var outcome = OutcomeOf(subscription);
        if (outcome == ConfirmationOutcome.Confirmed)
        {
            subscription!.ConfirmedAt = timeProvider.GetUtcNow();
            auditLog.Add(db, new AuditEvent("bus.subscription-confirmed", nameof(BusSubscription), subscription.Id.ToString("D"), AuditPurpose.BusSubscription));
            await db.SaveChangesAsync(cancellationToken);
            LogConfirmed(logger, subscription.Id, subscription.CommuneInseeCode);
        }
        return (outcome, subscription?.CommuneInseeCode);
    }

    /// <summary>One click to stop: the subscription and its address are deleted.</summary>
    public async Task<bool> RemoveAsync(string token, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(token, cancellationToken);
        if (subscription == null)
        {
            return false;
        }
        db.Remove(subscription);
        auditLog.Add(db, new AuditEvent("bus.subscription-removed", nameof(BusSubscription), subscription.Id.ToString("D"), AuditPurpose.BusSubscription));
        await db.SaveChangesAsync(cancellationToken);
        LogRemoved(logger, subscription.Id, subscription.CommuneInseeCode);
        return true;
    }

    /// <summary>
    /// Wipes the requests nobody confirmed within <see cref="ConfirmationDays"/> days (the address with them).
    /// Subscriptions made before confirmation existed (no confirmation ever sent) are left for the operators to decide:
    /// they are told nothing until confirmed.
    /// </summary>
    public async Task<int> PurgeUnconfirmedAsync(CancellationToken cancellationToken)
    {
        var limit = timeProvider.GetUtcNow().AddDays(-ConfirmationDays);
        var expired = (await db.Set<BusSubscription>().Where(s => s.ConfirmedAt == null && s.ConfirmationSentAt != null).ToListAsync(cancellationToken)).Where(s => s.ConsentAt < limit).ToList();
        db.RemoveRange(expired);
        await db.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }

    private Task<BusSubscription?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = BusSubscription.HashOf(token);
        return db.Set<BusSubscription>().SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
    }

    private ConfirmationOutcome OutcomeOf(BusSubscription? subscription) =>
        subscription == null ? ConfirmationOutcome.Unknown
        : subscription.ConfirmedAt != null ? ConfirmationOutcome.AlreadyConfirmed
        : subscription.ConsentAt < timeProvider.GetUtcNow().AddDays(-ConfirmationDays) ? ConfirmationOutcome.Expired
        : ConfirmationOutcome.Confirmed;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bus subscription {SubscriptionId} requested for commune {CommuneCode} by {Channel}; confirmation link sent")]
    private static partial void LogRequested(ILogger logger, Guid subscriptionId, string communeCode, SubscriptionChannel channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bus subscription {SubscriptionId} for commune {CommuneCode} asked again: nothing sent")]
    private static partial void LogAlreadyRequested(ILogger logger, Guid subscriptionId, string communeCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bus subscription refused for commune {CommuneCode}: too many unconfirmed requests for the address")]
    private static partial void LogTooManyPending(ILogger logger, string communeCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bus subscription {SubscriptionId} for commune {CommuneCode} confirmed")]
    private static partial void LogConfirmed(ILogger logger, Guid subscriptionId, string communeCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bus subscription {SubscriptionId} for commune {CommuneCode} removed")]
    private static partial void LogRemoved(ILogger logger, Guid subscriptionId, string communeCode);
}
