using System.Globalization;
using CarteBlanche.Platform.Files;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Bus;

/// <summary>What the crew records after a passage: how many came, about what, how many desk cases were opened, notes.</summary>
public sealed class BusVisit
{
    public Guid PassageId { get; set; }
    public int Visitors { get; set; }
    /// <summary>Need domains seen (Sante, Emploi, Famille...), comma-separated.</summary>
    public string Domains { get; set; } = "";
    public int CasesOpened { get; set; }
    /// <summary>The passage's notes (no resident's name: the desk's cases hold those).</summary>
    public string? Notes { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class BusVisitConfiguration : IEntityTypeConfiguration<BusVisit>
{
    public void Configure(EntityTypeBuilder<BusVisit> b)
    {
        b.ToTable("bus_visits");
        b.HasKey(v => v.PassageId);
        b.Property(v => v.Domains).HasMaxLength(300);
        b.Property(v => v.Notes).HasMaxLength(2000);
        b.HasOne<BusPassage>().WithOne().HasForeignKey<BusVisit>(v => v.PassageId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record StopFigures(string CommuneCode, string CommuneName, int Passages, int PassagesRecorded, int Visitors, int CasesOpened, bool NoVisitorLately)
{
    public double VisitorsPerPassage => PassagesRecorded == 0 ? 0 : (double)Visitors / PassagesRecorded;
}

public sealed record MonthFigures(string Month, int Passages, int Visitors, int CasesOpened);

/// <summary>
/// Residents of isolated communes (at least the isolation formula's minimum minutes from a permanent service point,
/// as measured by the last published planning) who live in a commune the bus served in the period.
/// </summary>
public sealed record IsolatedReach(int ReachedResidents, int IsolatedResidents, int ReachedCommunes, int IsolatedCommunes)
{
    public double Share => IsolatedResidents == 0 ? 0 : (double)ReachedResidents / IsolatedResidents;
}

/// <summary>Residents served per stop, commune and month; cost per contact; stops with no visitor for several passages.</summary>
public sealed class BusFigures(CarteBlancheDbContext db, IOptions<BusOptions> options)
{
    /// <summary>Passages in a row without a visitor after which a stop is flagged for the next planning.</summary>
    public const int EmptyPassagesBeforeFlag = 3;

    public async Task<(IReadOnlyList<StopFigures> Stops, IReadOnlyList<MonthFigures> Months, decimal? CostPerContact)> ComputeAsync(DateOnly since, DateOnly until, CancellationToken cancellationToken)
    {
        var rows = await (from p in db.Set<BusPassage>().AsNoTracking()
                          join s in db.Set<BusStop>() on p.StopId equals s.Id
                          join c in db.Communes on s.CommuneInseeCode equals c.InseeCode
                          join v in db.Set<BusVisit>() on p.Id equals v.PassageId into visits
                          from v in visits.DefaultIfEmpty()
                          where p.Date >= since && p.Date <= until && p.Status == PassageStatus.Scheduled
                          select new { c.InseeCode, c.Name, p.Date, Visitors = v == null ? (int?)null : v.Visitors, Cases = v == null ? 0 : v.CasesOpened })
            .ToListAsync(cancellationToken);
        var stops = rows.GroupBy(r => (r.InseeCode, r.Name)).Select(g =>
        {
            var recorded = g.Where(r => r.Visitors != null).OrderByDescending(r => r.Date).ToList();
            var lately = recorded.Take(EmptyPassagesBeforeFlag).ToList();
            return new StopFigures(g.Key.InseeCode, g.Key.Name, g.Count(), recorded.Count, recorded.Sum(r => r.Visitors!.Value), g.Sum(r => r.Cases),
                lately.Count == EmptyPassagesBeforeFlag && lately.All(r => r.Visitors == 0));
        }).OrderBy(s => s.CommuneName, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        var months = rows.GroupBy(r => r.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MonthFigures(g.Key, g.Count(), g.Sum(r => r.Visitors ?? 0), g.Sum(r => r.Cases))).ToList();
        var visitors = stops.Sum(s => s.Visitors);
        var days = until.DayNumber - since.DayNumber + 1;
        decimal? cost = options.Value.YearlyCost is { } yearly && visitors > 0 ? Math.Round(yearly * days / 365m / visitors, 2) : null;
        return (stops, months, cost);
    }

    /// <summary>Null when no planning has been published (the isolation of each commune comes from it).</summary>
    public async Task<IsolatedReach?> ReachAsync(DateOnly since, DateOnly until, CancellationToken cancellationToken)
    {
        var lastPublished = await db.Set<TourPlanRun>().AsNoTracking().Where(r => r.PublishedAt != null)
            .OrderByDescending(r => r.CycleStart).Select(r => r.PlanJson).FirstOrDefaultAsync(cancellationToken);
        if (lastPublished == null)
        {
            return null;
        }
        var isolated = System.Text.Json.JsonSerializer.Deserialize<Tours.TourPlan>(lastPublished, Planning.BusPlanning.Json)!.Communes.Where(c => c.Weight > 0).ToList();
        var served = (await (from p in db.Set<BusPassage>().AsNoTracking()
                             join s in db.Set<BusStop>() on p.StopId equals s.Id
                             where p.Date >= since && p.Date <= until && p.Status == PassageStatus.Scheduled
                             select s.CommuneInseeCode).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var reached = isolated.Where(c => served.Contains(c.Code)).ToList();
        return new IsolatedReach(reached.Sum(c => c.Population), isolated.Sum(c => c.Population), reached.Count, isolated.Count);
    }

    public static string ToCsv(IEnumerable<StopFigures> stops)
    {
        var invariant = CultureInfo.InvariantCulture;
        string[] header = ["code_insee", "commune", "passages", "passages_renseignes", "visiteurs", "visiteurs_par_passage", "demandes_ouvertes", "sans_visiteur_recemment"];
        return Csv.Write(stops.Select(s => new[]
        {
            s.CommuneCode, s.CommuneName, s.Passages.ToString(invariant), s.PassagesRecorded.ToString(invariant), s.Visitors.ToString(invariant),
            s.VisitorsPerPassage.ToString("0.0", invariant), s.CasesOpened.ToString(invariant), s.NoVisitorLately ? "oui" : "non",
        }).Prepend(header));
    }
}
