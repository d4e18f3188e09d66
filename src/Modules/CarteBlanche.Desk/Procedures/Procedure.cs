using CarteBlanche.Desk.Cases;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Desk.Procedures;

/// <summary>A procedure of the catalogue (démarche): where to do it, what to bring, tips for the agent.</summary>
public sealed class Procedure
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Code { get; set; }
    public required string Title { get; set; }
    public NeedDomain Domain { get; set; }
    public required string Organisation { get; set; }
    public required string Url { get; set; }
    /// <summary>One document per line.</summary>
    public string Documents { get; set; } = "";
    public string Eligibility { get; set; } = "";
    public string Tips { get; set; } = "";
    public string Keywords { get; set; } = "";
    /// <summary>Folded title, keywords and organisation: accent-free search on every database.</summary>
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() =>
        SearchText = Platform.Territory.SearchText.Fold($"{Title} {Keywords} {Organisation} {Code}");
}

/// <summary>A curated link to a useful public digital service (the "information" brick).</summary>
public sealed class InformationLink
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Title { get; set; }
    public required string Url { get; set; }
    public string Description { get; set; } = "";
    public string Audience { get; set; } = "";
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.ToTable("desk_procedures");
        b.Property(p => p.Code).HasMaxLength(100);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Domain).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Organisation).HasMaxLength(300);
        b.Property(p => p.Url).HasMaxLength(500);
        b.Property(p => p.Documents).HasMaxLength(4000);
        b.Property(p => p.Eligibility).HasMaxLength(2000);
        b.Property(p => p.Tips).HasMaxLength(2000);
        b.Property(p => p.Keywords).HasMaxLength(500);
        b.Property(p => p.SearchText).HasMaxLength(1500);
    }
}

internal sealed class InformationLinkConfiguration : IEntityTypeConfiguration<InformationLink>
{
    public void Configure(EntityTypeBuilder<InformationLink> b)
    {
        b.ToTable("desk_information_links");
        b.Property(l => l.Title).HasMaxLength(200);
        b.Property(l => l.Url).HasMaxLength(500);
        b.Property(l => l.Description).HasMaxLength(1000);
        b.Property(l => l.Audience).HasMaxLength(100);
    }
}
