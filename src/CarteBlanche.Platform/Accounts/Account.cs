using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Platform.Accounts;

/// <summary>A person's account (agent, referent, helper...). Every account belongs to one organisation.
/// "User" stays for accounts; a resident is a Resident.</summary>
public sealed class Account : IdentityUser<Guid>
{
    public Account()
    {
        Id = Guid.NewGuid();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>The size of the DisplayName column (its search form has room for œ → oe).</summary>
    public const int DisplayNameMaxLength = 150;

    private string _displayName = "";

    public string DisplayName
    {
        get => _displayName;
        set
        {
            _displayName = value;
            SearchName = SearchText.Fold(value);
        }
    }

    /// <summary>Accent- and case-free display name, kept in step by <see cref="DisplayName"/>: search works the same on every database.</summary>
    public string SearchName { get; set; } = "";
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>The place where the person works (France Services site, mairie...): agents see the cases of their site.</summary>
    public Guid? SiteId { get; set; }
    /// <summary>A deactivated account cannot sign in; it is kept for the audit trail.</summary>
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Agent = "Agent";
    public const string SocialWorker = "SocialWorker";
    public const string PartnerReferent = "PartnerReferent";
    public const string DataSteward = "DataSteward";
    public const string HrExpert = "HrExpert";
    public const string FirmOwner = "FirmOwner";
    public const string Helper = "Helper";

    public static readonly IReadOnlyList<string> All =
        [Admin, Coordinator, Agent, SocialWorker, PartnerReferent, DataSteward, HrExpert, FirmOwner, Helper];

    /// <summary>The roles that work at a site (their guichet lists its cases): their account needs a site.</summary>
    public static bool NeedSite(string role) => role is Agent or SocialWorker;

    /// <summary>What the UI says.</summary>
    public static string FrenchName(string role) => role switch
    {
        Admin => "Administrateur",
        Coordinator => "Coordinateur du territoire",
        Agent => "Agent polyvalent",
        SocialWorker => "Travailleur social",
        PartnerReferent => "Référent partenaire",
        DataSteward => "Gestionnaire de données",
        HrExpert => "Expert RH",
        FirmOwner => "Dirigeant de TPE",
        Helper => "Aidant mobilité",
        _ => role,
    };
}

/// <summary>An invitation to create one's password; the link expires after 72 hours.</summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AccountId { get; set; }
    /// <summary>SHA-256 of the token sent by e-mail; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? InvitedBy { get; set; }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(a => a.DisplayName).HasMaxLength(200);
        b.Property(a => a.SearchName).HasMaxLength(200);
        b.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Place>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("platform_invitations");
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasOne<Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
