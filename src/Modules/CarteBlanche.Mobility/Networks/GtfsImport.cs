using System.Text.Json;
using CarteBlanche.Transit;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Mobility.Networks;

public enum GtfsImportStatus
{
    /// <summary>The network journeys are searched on.</summary>
    InService,
    /// <summary>Was in service, replaced by a later import.</summary>
    Replaced,
    /// <summary>Not imported: the validation found a blocking error; the previous network stayed in service.</summary>
    Rejected,
}

/// <summary>
/// One GTFS feed received (sent from the page, or fetched from the network's address by <see cref="GtfsRefreshJob"/>):
/// what it held, its validation report, and whether it was put in service. The history of the network's timetables.
/// </summary>
public sealed class GtfsImport
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The file's name, or the address it was fetched from.</summary>
    public required string Source { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>Who sent it; null when fetched by the scheduled re-import.</summary>
    public Guid? ImportedBy { get; set; }
    public GtfsImportStatus Status { get; set; }
    /// <summary>SHA-256 of the zip, hexadecimal: the scheduled re-import skips a feed that did not change.</summary>
    public required string Sha256 { get; set; }
    public long Bytes { get; set; }
    public int Fatal { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    public int Stops { get; set; }
    public int Routes { get; set; }
    public int Trips { get; set; }
    public DateOnly? FirstDay { get; set; }
    public DateOnly? LastDay { get; set; }
    /// <summary>The validation report (<see cref="StoredReport"/> as JSON).</summary>
    public required string Report { get; set; }

    public StoredReport ReadReport() => JsonSerializer.Deserialize<StoredReport>(Report, StoredReport.Json) ?? new StoredReport(new Dictionary<string, int>(), []);
}

/// <summary>The zip of an import in service or replaced (the last few only): what the network is loaded from, and what is published.</summary>
public sealed class GtfsImportContent
{
    public Guid ImportId { get; set; }
    public required byte[] Zip { get; set; }
}

/// <summary>A validation report as kept: its counts per code and the issues listed (at most 200 per code).</summary>
public sealed record StoredReport(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ValidationIssue> Issues)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Of(ValidationReport report) => JsonSerializer.Serialize(new StoredReport(report.Counts, report.Issues), Json);
}

internal sealed class GtfsImportConfiguration : IEntityTypeConfiguration<GtfsImport>, IEntityTypeConfiguration<GtfsImportContent>
{
    public void Configure(EntityTypeBuilder<GtfsImport> b)
    {
        b.ToTable("mobility_gtfs_imports");
        b.Property(i => i.Source).HasMaxLength(500);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Sha256).HasMaxLength(64);
        b.HasOne<Account>().WithMany().HasForeignKey(i => i.ImportedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.Status);
    }

    public void Configure(EntityTypeBuilder<GtfsImportContent> b)
    {
        b.ToTable("mobility_gtfs_contents");
        b.HasKey(c => c.ImportId);
        b.HasOne<GtfsImport>().WithOne().HasForeignKey<GtfsImportContent>(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
