using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Platform.Territory;

/// <summary>Établissement public de coopération intercommunale (communauté d'agglomération, de communes).</summary>
public sealed class Epci
{
    public required string Siren { get; set; }
    public required string Name { get; set; }
}

public sealed class Commune
{
    /// <summary>Code officiel géographique (INSEE), e.g. 46042 for Cahors.</summary>
    public required string InseeCode { get; set; }
    public required string Name { get; set; }
    public int Population { get; set; }
    public required string PostalCode { get; set; }
    public required string EpciSiren { get; set; }
    public Epci? Epci { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>Accent- and case-free name, for search on every database.</summary>
    public string SearchName { get; set; } = "";
}

public enum OrganisationKind
{
    State,
    LocalAuthority,
    SocialOperator,
    PublicOperator,
    Association,
    Other,
}

public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public OrganisationKind Kind { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public bool IsActive { get; set; } = true;
    public string SearchName { get; set; } = "";
}

public enum PlaceKind
{
    FranceServices,
    Mairie,
    BusStop,
    PartnerOffice,
    Other,
}

/// <summary>A place where residents are received: France Services site, mairie, bus stop.</summary>
public sealed class Place
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public PlaceKind Kind { get; set; }
    public required string CommuneInseeCode { get; set; }
    public Commune? Commune { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Weekly opening hours in the compact French form, e.g. "lun-ven 09:00-12:00 14:00-17:00".</summary>
    public string OpeningHours { get; set; } = Calendar.OpeningHours.Default.ToString();
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public bool IsActive { get; set; } = true;
}

internal sealed class EpciConfiguration : IEntityTypeConfiguration<Epci>
{
    public void Configure(EntityTypeBuilder<Epci> b)
    {
        b.ToTable("platform_epcis");
        b.HasKey(e => e.Siren);
        b.Property(e => e.Siren).HasMaxLength(9);
        b.Property(e => e.Name).HasMaxLength(200);
    }
}

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> b)
    {
        b.ToTable("platform_communes");
        b.HasKey(c => c.InseeCode);
        b.Property(c => c.InseeCode).HasMaxLength(5);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.SearchName).HasMaxLength(200);
        b.Property(c => c.PostalCode).HasMaxLength(5);
        b.Property(c => c.EpciSiren).HasMaxLength(9);
        b.HasOne(c => c.Epci).WithMany().HasForeignKey(c => c.EpciSiren).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.SearchName);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("platform_organisations");
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.SearchName).HasMaxLength(200);
        b.Property(o => o.ShortName).HasMaxLength(50);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.Email).HasMaxLength(254);
        b.Property(o => o.Phone).HasMaxLength(30);
        b.Property(o => o.Website).HasMaxLength(500);
        b.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> b)
    {
        b.ToTable("platform_places");
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.CommuneInseeCode).HasMaxLength(5);
        b.Property(p => p.Address).HasMaxLength(300);
        b.Property(p => p.OpeningHours).HasMaxLength(300);
        b.HasOne(p => p.Commune).WithMany().HasForeignKey(p => p.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
