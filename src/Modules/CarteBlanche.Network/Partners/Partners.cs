using System.Security.Cryptography;
using System.Text;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Network.Partners;

/// <summary>A PartnerReferent account named by its organisation for a territory (département code); one lead per organisation and territory.</summary>
public sealed class Referent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AccountId { get; set; }
    public Guid OrganisationId { get; set; }
    public string Territory { get; set; } = NetworkOptions.DefaultTerritory;
    public bool IsLead { get; set; }
    public DateTimeOffset NamedAt { get; set; }
}

/// <summary>What the network knows of a partner organisation: its shared mailbox, the domains it answers, how to reach it.</summary>
public sealed class PartnerProfile
{
    public Guid OrganisationId { get; set; }
    /// <summary>Notified of every new question and reminder, besides the referents.</summary>
    public string? SharedMailbox { get; set; }
    /// <summary>Need domain codes (Famille, Sante...) separated by commas: the partner is suggested for them.</summary>
    public string Domains { get; set; } = "";
    public string? OpeningHours { get; set; }
    /// <summary>How residents and agents reach it (accueil, téléphone, rendez-vous...).</summary>
    public string? Channels { get; set; }
    public string? Description { get; set; }

    public IReadOnlyList<string> DomainCodes => Domains.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>An organisation's key for the partners' API. Only its SHA-256 is stored; the key is shown once.</summary>
public sealed class ApiKey
{
    public const string Scheme = "cbk";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    /// <summary>The key's public part, for finding it and for showing it in lists.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>A new key: "cbk_&lt;prefix&gt;_&lt;secret&gt;". The caller shows the returned value once.</summary>
    public static (ApiKey Key, string Value) Create(Guid organisationId, string name, Guid createdBy, DateTimeOffset now)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = SecretTokens.New(32);
        var value = $"{Scheme}_{prefix}_{secret}";
        return (new ApiKey { OrganisationId = organisationId, Name = name.Trim(), Prefix = prefix, Hash = HashOf(value), CreatedAt = now, CreatedBy = createdBy }, value);
    }

    public static string HashOf(string value) => SecretTokens.HashOf(value);

    /// <summary>The prefix of a presented key, or null if it is not shaped like one.</summary>
    public static string? PrefixOf(string value)
    {
        var parts = value.Split('_', 3);
        return parts.Length == 3 && parts[0] == Scheme && parts[1].Length == 10 ? parts[1] : null;
    }

    public bool Matches(string value) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash), Encoding.ASCII.GetBytes(HashOf(value)));
}
