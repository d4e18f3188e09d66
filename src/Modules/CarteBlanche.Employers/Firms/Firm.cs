using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Firms;

/// <summary>Where a firm stands in the service: a preparation month (diagnosis of its HR needs), then operation.</summary>
public enum EnrolmentStage
{
    Preparation,
    Operation,
    Left,
}

/// <summary>The HR service centre's functions an expert may cover for a firm.</summary>
[Flags]
public enum HrFunctions
{
    None = 0,
    Recruitment = 1,
    Career = 2,
    Payroll = 4,
    Formalities = 8,
    All = Recruitment | Career | Payroll | Formalities,
}

/// <summary>
/// A very small firm served by the HR service centre. It is also an organisation of the territory: its owner's account
/// belongs to it, and that is how a firm owner sees their firm and only theirs.
/// </summary>
public sealed class Firm
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    /// <summary>14 digits, checked by its Luhn key.</summary>
    public required string Siret { get; set; }
    /// <summary>The activity's NAF code, « 10.71C ».</summary>
    public required string NafCode { get; set; }
    /// <summary>Employees (headcount), which the payroll model's rates depend on.</summary>
    public int Headcount { get; set; }
    /// <summary>The collective agreement's IDCC (4 digits, « 0843 ») and name; none for a firm without one.</summary>
    public string? Idcc { get; set; }
    public string? AgreementName { get; set; }
    public string? Address { get; set; }
    public string? CommuneInseeCode { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>The accident-at-work risk code of the CARSAT's notice (« 158ZA »), for the DSN.</summary>
    public string? AtRiskCode { get; set; }
    public EnrolmentStage Stage { get; set; }
    public DateOnly EnrolledOn { get; set; }
    /// <summary>The end of the preparation month: from then on, the service is in operation.</summary>
    public DateOnly OperationFrom { get; set; }
    public DateOnly? LeftOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }

    /// <summary>The stage on a given day (a firm enrolled in preparation is in operation after its preparation month).</summary>
    public EnrolmentStage StageOn(DateOnly day) =>
        Stage == EnrolmentStage.Left ? EnrolmentStage.Left : day >= OperationFrom ? EnrolmentStage.Operation : EnrolmentStage.Preparation;
}

/// <summary>An HR expert assigned to a firm, and the functions they cover for it.</summary>
public sealed class FirmExpert
{
    public Guid FirmId { get; set; }
    public Guid AccountId { get; set; }
    public HrFunctions Functions { get; set; }
}

internal sealed class FirmConfiguration : IEntityTypeConfiguration<Firm>, IEntityTypeConfiguration<FirmExpert>
{
    public void Configure(EntityTypeBuilder<Firm> b)
    {
        b.ToTable("employers_firms");
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.Siret).HasMaxLength(14);
        b.HasIndex(f => f.Siret).IsUnique();
        b.HasIndex(f => f.OrganisationId).IsUnique();
        b.Property(f => f.NafCode).HasMaxLength(6);
        b.Property(f => f.Idcc).HasMaxLength(4);
        b.Property(f => f.AgreementName).HasMaxLength(300);
        b.Property(f => f.Address).HasMaxLength(300);
        b.Property(f => f.CommuneInseeCode).HasMaxLength(5);
        b.Property(f => f.ContactName).HasMaxLength(150);
        b.Property(f => f.ContactPhone).HasMaxLength(30);
        b.Property(f => f.ContactEmail).HasMaxLength(254);
        b.Property(f => f.AtRiskCode).HasMaxLength(5);
        b.Property(f => f.Stage).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Commune>().WithMany().HasForeignKey(f => f.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(f => f.CreatedBy).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FirmExpert> b)
    {
        b.ToTable("employers_firm_experts");
        b.HasKey(e => new { e.FirmId, e.AccountId });
        b.HasOne<Firm>().WithMany().HasForeignKey(e => e.FirmId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
