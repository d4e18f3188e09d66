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

    /// <summary>The line of the network this offer is, when it is timetabled in the GTFS feed (an on-demand line): its route_id.</summary>
    public string? RouteId { get; set; }

    /// <summary>Booking rule: at the latest this many days before the departure (0: the same day), by <see cref="NoticeTime"/>…</summary>
    public int? NoticeDays { get; set; }
    public TimeOnly? NoticeTime { get; set; }
    /// <summary>…or at least this many minutes before the departure.</summary>
    public int? NoticeMinutes { get; set; }

    /// <summary>Days of service of a zonal on-demand service (bit 0 = Monday … bit 6 = Sunday; 0 when not given), and its hours.</summary>
    public byte Days { get; set; }
    public TimeOnly? ServiceStart { get; set; }
    public TimeOnly? ServiceEnd { get; set; }

    public bool HasBookingRule => NoticeMinutes != null || NoticeDays != null;

    /// <summary>Until when a departure can be booked under the rule; null without a rule.</summary>
    public DateTime? BookingDeadline(DateTime departure) =>
        NoticeMinutes is { } minutes ? departure.AddMinutes(-minutes)
        : NoticeDays is { } days ? departure.Date.AddDays(-days) + (NoticeTime ?? TimeOnly.MinValue).ToTimeSpan()
        : null;

    /// <summary>The rule in words: « la veille avant 17 h », « au moins 2 h avant le départ ».</summary>
    public string? BookingRuleText => NoticeMinutes is { } minutes
        ? $"au moins {(minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes} min")} avant le départ"
        : NoticeDays is { } days
            ? $"{days switch { 0 => "le jour même", 1 => "la veille", var n => $"{n} jours avant le départ," }} avant {Platform.Web.FrenchFormat.Hour(NoticeTime ?? TimeOnly.MinValue)}"
            : null;

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
        b.Property(o => o.RouteId).HasMaxLength(100);
        b.Ignore(o => o.CommuneCodes);
        b.Ignore(o => o.HasBookingRule);
        b.Ignore(o => o.BookingRuleText);
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
                RouteId = "EVITAD", NoticeDays = 1, NoticeTime = new TimeOnly(17, 0), Days = 0b0010010, ServiceStart = new TimeOnly(9, 0), ServiceEnd = new TimeOnly(17, 0),
            },
            new MobilityOffer
            {
                // 05 36 49 xx xx: a range the ARCEP keeps for fiction (no real subscriber).
                Kind = OfferKind.OnDemand, Name = "Transport à la demande du marché de Lalbenque (démonstration)", Operator = "Communauté de communes du Pays de Lalbenque-Limogne (démonstration)",
                Communes = "46148,46329,46140,46082", Hours = "le mardi, de 8 h 30 à 12 h 30, de porte à porte dans la zone", Phone = "05 36 49 12 34",
                Eligibility = "tout public", Price = "2 € le trajet", NoticeDays = 1, NoticeTime = new TimeOnly(12, 0), Days = 0b0000010,
                ServiceStart = new TimeOnly(8, 30), ServiceEnd = new TimeOnly(12, 30),
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
