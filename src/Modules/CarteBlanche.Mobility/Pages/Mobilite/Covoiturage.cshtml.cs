using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Mobility.Pages.Mobilite;

public sealed record RideRow(Ride Ride, TravelNeed Need, RegularTrip Trip, string From, string To);

/// <summary>The carpool operator's console: each proposed ride with both sides' phones; the operator calls them and records the outcome.</summary>
[Authorize(Policy = Policies.Mobility)]
public sealed class CovoiturageModel(CarteBlancheDbContext db, MobilityAccess access, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public IReadOnlyList<RideRow> Rides { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await access.IsOperatorAsync(User, cancellationToken))
        {
            return Forbid();
        }
        var rides = await db.Set<Ride>().AsNoTracking().Include(r => r.Need!).ThenInclude(n => n.Person).Include(r => r.Trip!).ThenInclude(t => t.Driver)
            .Where(r => r.Status == RideStatus.Proposed || r.Status == RideStatus.Agreed || r.Need!.Day >= clock.Today.AddDays(-30))
            .ToListAsync(cancellationToken);
        var codes = rides.SelectMany(r => new[] { r.Need!.FromInseeCode, r.Trip!.FromInseeCode, r.Trip.ToInseeCode }).Distinct().ToList();
        var names = await db.Communes.Where(c => codes.Contains(c.InseeCode)).ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        Rides = rides.OrderBy(r => r.Status is RideStatus.Proposed ? 0 : r.Status is RideStatus.Agreed ? 1 : 2).ThenBy(r => r.Need!.Day)
            .Select(r => new RideRow(r, r.Need!, r.Trip!, names.GetValueOrDefault(r.Trip!.FromInseeCode, ""), names.GetValueOrDefault(r.Trip.ToInseeCode, ""))).ToList();
        auditLog.Add(db, new AuditEvent("mobility.rides-read", "Ride", "console", AuditPurpose.MobilityHelp, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid rideId, RideStatus status, CancellationToken cancellationToken)
    {
        if (!await access.IsOperatorAsync(User, cancellationToken))
        {
            return Forbid();
        }
        var ride = await db.Set<Ride>().Include(r => r.Need).SingleOrDefaultAsync(r => r.Id == rideId, cancellationToken);
        if (ride == null)
        {
            return NotFound();
        }
        ride.Status = status;
        ride.UpdatedAt = clock.Now;
        if (status is RideStatus.Agreed or RideStatus.Done)
        {
            ride.Need!.Status = NeedStatus.Carpool;
            ride.Need.UnmetReason = null;
        }
        auditLog.Add(db, new AuditEvent("mobility.ride-outcome", "Ride", rideId.ToString("D"), AuditPurpose.MobilityHelp, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/mobilite/covoiturage");
    }
}
