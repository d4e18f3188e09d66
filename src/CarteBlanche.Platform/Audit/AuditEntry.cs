using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Platform.Audit;

/// <summary>
/// One line of the append-only journal. Identifiers only: never a name, an address or any
/// other personal data content. Each entry carries the hash of the previous one, so an edited
/// or deleted row breaks the chain (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3... with no gap; unique, which also serialises writers across instances.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? ActorId { get; set; }
    public Guid? ActorOrganisationId { get; set; }
    /// <summary>e.g. "security.sign-in", "resident.read", "resident.update".</summary>
    public required string Action { get; set; }
    public string? RecordType { get; set; }
    public string? RecordId { get; set; }
    public string? ClientAddress { get; set; }
    /// <summary>Why the data was accessed (e.g. "accueil usager", "instruction demande").</summary>
    public string? Purpose { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>
/// The last entry's number and hash, written in the same transaction as each entry: deleting the
/// newest entries (which nothing follows in the chain) shows as a head pointing past the end.
/// </summary>
public sealed class AuditHead
{
    public int Id { get; set; } = 1;
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.ToTable("platform_audit_head");
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("platform_audit_entries");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.RecordType).HasMaxLength(100);
        b.Property(e => e.RecordId).HasMaxLength(100);
        b.Property(e => e.ClientAddress).HasMaxLength(64);
        b.Property(e => e.Purpose).HasMaxLength(200);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.OccurredAt);
        b.HasIndex(e => e.ActorId);
        b.HasIndex(e => new { e.RecordType, e.RecordId });
    }
}
