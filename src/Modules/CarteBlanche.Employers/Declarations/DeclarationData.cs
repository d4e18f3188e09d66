using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Staff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Declarations;

/// <summary>
/// What the monthly DSN needs of an employee beyond the staff register: the NIR (encrypted at rest), the address,
/// the place of birth, the nationality's group, the job's PCS-ESE code and conventional status, and the withholding
/// tax rate the DGFiP sent. Kept apart from the employee: only the DSN reads it.
/// </summary>
public sealed class EmployeeDeclarationData
{
    public Guid EmployeeId { get; set; }
    public Guid FirmId { get; set; }
    public string? NirEncrypted { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? BirthPlace { get; set; }
    /// <summary>ISO 3166 code of the country of birth: « FR » for France.</summary>
    public string BirthCountry { get; set; } = "FR";
    /// <summary>S21.G00.30.013: 01 France, 02 European Union, 03 EEA and Switzerland, 04 elsewhere.</summary>
    public string NationalityGroup { get; set; } = "01";
    /// <summary>The job's PCS-ESE code (« 684a »).</summary>
    public string? PcsEse { get; set; }
    /// <summary>S21.G00.40.002: 04 cadre, 05 profession intermédiaire, 06 employé, 07 ouvrier.</summary>
    public string ConventionalStatus { get; set; } = "06";
    /// <summary>S21.G00.40.021, a CDD's reason as a code: 01 remplacement, 02 accroissement temporaire d'activité, 03 saisonnier, 05 usage.</summary>
    public string? CddReasonCode { get; set; }
    /// <summary>The withholding tax rate in % the DGFiP sent for the employee; null: the neutral grid applies.</summary>
    public decimal? TaxRate { get; set; }
    /// <summary>The DGFiP's identifier of that rate (its « compte rendu métier »), required with it.</summary>
    public string? TaxRateId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
}

/// <summary>Encrypts employees' NIR at rest (ASP.NET Core data protection, like residents' identifiers).</summary>
public sealed class EmployeeIdentifiers(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CarteBlanche.Employers.EmployeeIdentifiers.v1");

    public string? Protect(string? value) => string.IsNullOrWhiteSpace(value) ? null : _protector.Protect(value.Trim());

    public string? Unprotect(string? value) => value == null ? null : _protector.Unprotect(value);
}

internal sealed class DeclarationDataConfiguration : IEntityTypeConfiguration<EmployeeDeclarationData>
{
    public void Configure(EntityTypeBuilder<EmployeeDeclarationData> b)
    {
        b.ToTable("employers_declaration_data");
        b.HasKey(d => d.EmployeeId);
        b.HasIndex(d => d.FirmId);
        b.Property(d => d.NirEncrypted).HasMaxLength(500);
        b.Property(d => d.Street).HasMaxLength(150);
        b.Property(d => d.PostalCode).HasMaxLength(5);
        b.Property(d => d.City).HasMaxLength(80);
        b.Property(d => d.BirthPlace).HasMaxLength(80);
        b.Property(d => d.BirthCountry).HasMaxLength(2);
        b.Property(d => d.NationalityGroup).HasMaxLength(2);
        b.Property(d => d.PcsEse).HasMaxLength(4);
        b.Property(d => d.ConventionalStatus).HasMaxLength(2);
        b.Property(d => d.CddReasonCode).HasMaxLength(2);
        b.Property(d => d.TaxRate).HasPrecision(5, 2);
        b.Property(d => d.TaxRateId).HasMaxLength(30);
        b.HasOne<Employee>().WithOne().HasForeignKey<EmployeeDeclarationData>(d => d.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Firm>().WithMany().HasForeignKey(d => d.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(d => d.UpdatedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
