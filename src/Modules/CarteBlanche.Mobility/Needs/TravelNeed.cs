using CarteBlanche.Mobility.Carpool;
using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Mobility.Needs;

public enum TravelPurpose
{
    Work,
    Training,
    Care,
    PublicService,
    Other,
}

public enum NeedStatus
{
    /// <summary>Recorded, no solution chosen yet.</summary>
    Open,
    /// <summary>The bus or coach (or on-demand transport) takes the person.</summary>
    Transit,
    /// <summary>A solidarity carpool ride was agreed.</summary>
    Carpool,
    /// <summary>Another way (family, volunteer driver, rental…).</summary>
    OtherSolution,
    /// <summary>No solution: kept, with its reason, to design new offers.</summary>
    Unmet,
}

public enum UnmetReason
{
    NoServiceThatDay,
    TooFarFromStop,
    Disability,
    Price,
    Other,
}

/// <summary>A person a helper finds ways for, or a carpool driver: only what reaching them needs, with their consent.</summary>
public sealed class TravelPerson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Phone { get; set; }
    public required string CommuneInseeCode { get; set; }
    /// <summary>When the person agreed that their details be recorded and shared with the carpool operator.</summary>
    public DateTimeOffset ConsentAt { get; set; }
    /// <summary>The helper or operator who recorded the person; null when they asked themselves on the public page.</summary>
    public Guid? RecordedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the name and phone were wiped (<see cref="MobilityRetentionJob"/>); the needs stay, anonymous, for the figures.</summary>
    public DateTimeOffset? WipedAt { get; set; }
}

/// <summary>A person's need to travel, recorded by a helper: where, when, why; then its solution, or why there is none.</summary>
public sealed class TravelNeed
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public TravelPerson? Person { get; set; }
    public required string FromInseeCode { get; set; }
    /// <summary>Where to, as the helper chose it (a commune, a place, a stop).</summary>
    public required string Destination { get; set; }
    /// <summary>The commune of the destination, for the table of unmet needs.</summary>
    public required string DestinationInseeCode { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly Time { get; set; }
    /// <summary>An appointment: to arrive by <see cref="Time"/>; else leaving from it.</summary>
    public bool ArriveBy { get; set; }
    /// <summary>The way back the same day, leaving from this time; null for a one-way trip.</summary>
    public TimeOnly? ReturnTime { get; set; }
    public TravelPurpose Purpose { get; set; }
    public NeedStatus Status { get; set; }
    public UnmetReason? UnmetReason { get; set; }
    public string? Note { get; set; }
    /// <summary>The helper or operator who recorded the need; null when the person asked on the public page (the operator calls them back).</summary>
    public Guid? RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A driver's regular trip (Lot'ôcar): between two communes, on some days, give or take some minutes, with the detour they accept.</summary>
public sealed class RegularTrip
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DriverId { get; set; }
    public TravelPerson? Driver { get; set; }
    public required string FromInseeCode { get; set; }
    public required string ToInseeCode { get; set; }
    /// <summary>Bit 0 = Monday … bit 6 = Sunday.</summary>
    public byte Days { get; set; }
    public TimeOnly Departure { get; set; }
    public int FlexibilityMinutes { get; set; }
    public DetourTolerance Tolerance { get; set; }
    /// <summary>The driver is reached through the carpool operator only (not directly by the passenger).</summary>
    public bool ThroughOperator { get; set; } = true;
    public DateOnly Expires { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum RideStatus
{
    /// <summary>Proposed by a helper: the operator calls both sides.</summary>
    Proposed,
    Agreed,
    Done,
    Refused,
    NoAnswer,
}

/// <summary>A ride the operator arranges between a need and a driver's trip, and its outcome.</summary>
public sealed class Ride
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NeedId { get; set; }
    public TravelNeed? Need { get; set; }
    public Guid TripId { get; set; }
    public RegularTrip? Trip { get; set; }
    /// <summary>The way back: from the need's destination to its commune, leaving from <see cref="TravelNeed.ReturnTime"/>.</summary>
    public bool Return { get; set; }
    public double DetourMinutes { get; set; }
    public TimeOnly PickUp { get; set; }
    public TimeOnly DropOff { get; set; }
    public double Kilometres { get; set; }
    public RideStatus Status { get; set; }
    public Guid ProposedBy { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>When the operator last sent the ride's details by SMS to the passenger, and to the driver.</summary>
    public DateTimeOffset? PassengerSmsAt { get; set; }
    public DateTimeOffset? DriverSmsAt { get; set; }
}

internal sealed class MobilityConfiguration :
    IEntityTypeConfiguration<TravelPerson>, IEntityTypeConfiguration<TravelNeed>, IEntityTypeConfiguration<RegularTrip>, IEntityTypeConfiguration<Ride>
{
    public void Configure(EntityTypeBuilder<TravelPerson> b)
    {
        b.ToTable("mobility_persons");
        b.Property(p => p.FirstName).HasMaxLength(100);
        b.Property(p => p.LastName).HasMaxLength(100);
        b.Property(p => p.Phone).HasMaxLength(30);
        b.Property(p => p.CommuneInseeCode).HasMaxLength(5);
        b.HasOne<Commune>().WithMany().HasForeignKey(p => p.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(p => p.RecordedBy).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TravelNeed> b)
    {
        b.ToTable("mobility_needs");
        b.Property(n => n.FromInseeCode).HasMaxLength(5);
        b.Property(n => n.Destination).HasMaxLength(120);
        b.Property(n => n.DestinationInseeCode).HasMaxLength(5);
        b.Property(n => n.Purpose).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.UnmetReason).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Note).HasMaxLength(500);
        b.HasOne(n => n.Person).WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Commune>().WithMany().HasForeignKey(n => n.FromInseeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Commune>().WithMany().HasForeignKey(n => n.DestinationInseeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(n => n.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => new { n.Status, n.Day });
    }

    public void Configure(EntityTypeBuilder<RegularTrip> b)
    {
        b.ToTable("mobility_trips");
        b.Property(t => t.FromInseeCode).HasMaxLength(5);
        b.Property(t => t.ToInseeCode).HasMaxLength(5);
        b.Property(t => t.Tolerance).HasConversion<string>().HasMaxLength(10);
        b.HasOne(t => t.Driver).WithMany().HasForeignKey(t => t.DriverId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Commune>().WithMany().HasForeignKey(t => t.FromInseeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Commune>().WithMany().HasForeignKey(t => t.ToInseeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.Expires);
    }

    public void Configure(EntityTypeBuilder<Ride> b)
    {
        b.ToTable("mobility_rides");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(r => r.Need).WithMany().HasForeignKey(r => r.NeedId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Trip).WithMany().HasForeignKey(r => r.TripId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.ProposedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.Status);
    }
}
