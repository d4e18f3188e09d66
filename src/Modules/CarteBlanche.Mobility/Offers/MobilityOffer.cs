using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Mobility.Offers;

public enum OfferKind
{
    OnDemand,
    SolidarityTransport,
    VolunteerDrivers,
    Carpool,
    Rental,
    Other,
}

/// <summary>
/// A mobility offer of the territory besides the timetabled lines: on-demand transport (its zone as a list of
/// communes, its booking rule and phone), a solidarity transport association, volunteer drivers, rental for job
/// seekers… with who may use it, its price and how to reach it.
/// </summary>
public sealed class MobilityOffer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public OfferKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Operator { get; set; }
    /// <summary>The communes served (INSEE codes, comma-separated); empty for the whole territory.</summary>
    public string Communes { get; set; } = "";
    /// <summary>Days and hours, in words (« mardi et vendredi, 9 h – 17 h »).</summary>
    public string? Hours { get; set; }
    /// <summary>How and until when to book (« la veille avant 17 h »).</summary>
    public string? Booking { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Eligibility { get; set; }
    public string? Price { get; set; }
    public bool IsActive { get; set; } = true;

    public IReadOnlyList<string> CommuneCodes => Communes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Serves(string inseeCode) => CommuneCodes.Count == 0 || CommuneCodes.Contains(inseeCode);
}

internal sealed class MobilityOfferConfiguration : IEntityTypeConfiguration<MobilityOffer>
{
    public void Configure(EntityTypeBuilder<MobilityOffer> b)
    {
        b.ToTable("mobility_offers");
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Operator).HasMaxLength(200);
        b.Property(o => o.Communes).HasMaxLength(2000);
        b.Property(o => o.Hours).HasMaxLength(300);
        b.Property(o => o.Booking).HasMaxLength(300);
        b.Property(o => o.Phone).HasMaxLength(30);
        b.Property(o => o.Website).HasMaxLength(300);
        b.Property(o => o.Eligibility).HasMaxLength(500);
        b.Property(o => o.Price).HasMaxLength(300);
        b.Ignore(o => o.CommuneCodes);
    }
}

/// <summary>The demonstration offers of the Lot (marked as such), seeded once.</summary>
internal sealed class MobilityDemoData(CarteBlancheDbContext db)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<MobilityOffer>().AnyAsync(cancellationToken))
        {
            return;
        }
        db.AddRange(
            new MobilityOffer
            {
                Kind = OfferKind.OnDemand, Name = "Transport à la demande Catus – Lherm (démonstration)", Operator = "Évidence — Grand Cahors",
                Communes = "46064,46264,46156", Hours = "mardi et vendredi, départs 9 h 30 et 16 h 30 vers Lherm, 11 h 15 vers Cahors",
                Booking = "par téléphone, la veille avant 17 h", Phone = "05 65 35 04 32", Eligibility = "tout public", Price = "ticket Évidence",
            },
            new MobilityOffer
            {
                Kind = OfferKind.SolidarityTransport, Name = "Transport solidaire (démonstration)", Operator = "Association Mobilité solidaire du Lot (démonstration)",
                Hours = "du lundi au vendredi, sur rendez-vous", Booking = "par téléphone, 48 heures avant",
                Eligibility = "personnes sans véhicule, âgées ou aux ressources modestes (adhésion à l'association)", Price = "participation aux frais kilométriques",
            },
            new MobilityOffer
            {
                Kind = OfferKind.Carpool, Name = "Covoiturage solidaire (démonstration)", Operator = "Association Mobilité solidaire du Lot (démonstration)",
                Hours = "selon les trajets réguliers des conducteurs", Booking = "par téléphone : l'opérateur met en relation passager et conducteur",
                Eligibility = "passagers non motorisés", Price = "participation aux frais suggérée",
            },
            new MobilityOffer
            {
                Kind = OfferKind.Rental, Name = "Location de scooters pour l'emploi (démonstration)", Operator = "Association Mobilité solidaire du Lot (démonstration)",
                Hours = "location à la semaine ou au mois", Booking = "sur prescription d'un conseiller (France Travail, mission locale)",
                Eligibility = "demandeurs d'emploi, jeunes en formation ou en premier emploi", Price = "tarif social selon les ressources",
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
