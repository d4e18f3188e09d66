using System.Security.Cryptography;
using System.Text;
using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
    public DateTimeOffset ConsentAt { get; set; }
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
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
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
    private string TokenOf(BusSubscription subscription)
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
        var subscriptions = await db.Set<BusSubscription>().Where(s => s.CommuneInseeCode == communeCode).ToListAsync(cancellationToken);
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
