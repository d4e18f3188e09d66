using CarteBlanche.Platform.Territory;
using CarteBlanche.Tours;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Bus;

/// <summary>Where the bus parks in a commune: a square, the mairie's car park. One stop per commune.</summary>
public sealed class BusStop
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string CommuneInseeCode { get; set; }
    public Commune? Commune { get; set; }
    public required string PlaceName { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>How to find it, access for wheelchairs, parking...</summary>
    public string? AccessNotes { get; set; }
    public bool IsActive { get; set; } = true;
}

public enum PassageStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>A published passage: a stop on a date and half-day. Cancelling keeps it, with a notice for residents.</summary>
public sealed class BusPassage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid StopId { get; set; }
    public BusStop? Stop { get; set; }
    public DateOnly Date { get; set; }
    public HalfDay HalfDay { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public int Bus { get; set; }
    public PassageStatus Status { get; set; } = PassageStatus.Scheduled;
    /// <summary>Shown on the public pages when cancelled ("remplacé par le jeudi 16 avril").</summary>
    public string? Notice { get; set; }
    /// <summary>Specialists who join this passage (the tax office during the declaration season), comma-separated.</summary>
    public string Specialists { get; set; } = "";
    public Guid? PlanRunId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>
    /// Changes with every edit: the iCalendar SEQUENCE, so that calendars update the event. Also the concurrency token:
    /// two coordinators editing the same passage at once, the second is refused (and its messages are not sent).
    /// </summary>
    public int Sequence { get; set; }
}

/// <summary>A run of the planner: its parameters and the proposed plan (JSON), until it is published or dropped.</summary>
public sealed class TourPlanRun
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateOnly CycleStart { get; set; }
    public int CycleDays { get; set; }
    public int Buses { get; set; }
    public bool Weekly { get; set; }
    public string Pinned { get; set; } = "";
    public string Excluded { get; set; } = "";
    /// <summary>The proposed plan (passages, left-out communes and why, figures) as the engine returned it.</summary>
    public required string PlanJson { get; set; }
    public long Objective { get; set; }
    public long Bound { get; set; }
    public double GapPercent { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>
    /// A published cycle repeats until another one replaces it: its passages are written (as rows) up to this date,
    /// and the timetable job carries them on ahead of the public horizon. Null until published.
    /// </summary>
    public DateOnly? RepeatedUntil { get; set; }
}

internal sealed class BusStopConfiguration : IEntityTypeConfiguration<BusStop>
{
    public void Configure(EntityTypeBuilder<BusStop> b)
    {
        b.ToTable("bus_stops");
        b.Property(s => s.CommuneInseeCode).HasMaxLength(5);
        b.Property(s => s.PlaceName).HasMaxLength(200);
        b.Property(s => s.AccessNotes).HasMaxLength(1000);
        b.HasOne(s => s.Commune).WithMany().HasForeignKey(s => s.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.CommuneInseeCode).IsUnique();
    }
}

internal sealed class BusPassageConfiguration : IEntityTypeConfiguration<BusPassage>
{
    public void Configure(EntityTypeBuilder<BusPassage> b)
    {
        b.ToTable("bus_passages");
        b.Property(p => p.HalfDay).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.Notice).HasMaxLength(500);
        b.Property(p => p.Specialists).HasMaxLength(300);
        b.HasOne(p => p.Stop).WithMany().HasForeignKey(p => p.StopId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.Date, p.Bus, p.HalfDay });
        b.HasIndex(p => new { p.StopId, p.Date });
        b.Property(p => p.Sequence).IsConcurrencyToken();
    }
}

internal sealed class TourPlanRunConfiguration : IEntityTypeConfiguration<TourPlanRun>
{
    public void Configure(EntityTypeBuilder<TourPlanRun> b)
    {
        b.ToTable("bus_plan_runs");
        b.Property(r => r.Pinned).HasMaxLength(2000);
        b.Property(r => r.Excluded).HasMaxLength(2000);
    }
}
