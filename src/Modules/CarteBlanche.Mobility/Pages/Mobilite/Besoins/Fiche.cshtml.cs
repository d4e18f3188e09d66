using CarteBlanche.Mobility.Carpool;
using CarteBlanche.Mobility.Journeys;
using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Mobility.Pages.Mobilite.Besoins;

/// <summary>
/// A travel need and its solutions: the buses and coaches for that day and time, the carpool drivers whose regular
/// trip passes within their accepted detour; the helper proposes a ride to the operator, records a solution, or keeps
/// the need as unmet with its reason. For the helper who recorded it and the carpool operator; journaled.
/// </summary>
[Authorize(Policy = Policies.Mobility)]
public sealed class FicheModel(CarteBlancheDbContext db, JourneySearch search, CarpoolSearch carpool, MobilityAccess access, IAuditLog auditLog, ParisClock clock) : PageModel
{
    /// <summary>The cost-sharing suggestion: what a passenger gives the driver for each kilometre shared (the platform's suggestion, not a rule).</summary>
    public const double EurosPerKilometre = 0.10;

    public TravelNeed Need { get; private set; } = default!;
    public string FromName { get; private set; } = "";
    public JourneyAnswer? Transit { get; private set; }
    public IReadOnlyList<CarpoolMatch> Matches { get; private set; } = [];
    /// <summary>The way back, when the need has a return time.</summary>
    public JourneyAnswer? TransitBack { get; private set; }
    public IReadOnlyList<CarpoolMatch> MatchesBack { get; private set; } = [];
    public IReadOnlyList<Ride> Rides { get; private set; } = [];
    public Dictionary<Guid, string> TripLabels { get; } = [];
    [BindProperty] public UnmetReason Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        auditLog.Add(db, new AuditEvent("mobility.need-read", "TravelNeed", id.ToString("D"), AuditPurpose.MobilityHelp, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        await SolutionsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Proposes a driver's trip to the operator, for the way there or (<paramref name="back"/>) the way back.</summary>
    public async Task<IActionResult> OnPostProposeAsync(Guid id, Guid tripId, bool back, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        await SolutionsAsync(cancellationToken);
        if ((back ? MatchesBack : Matches).FirstOrDefault(m => m.Trip.Id == tripId) is not { } match)
        {
            return BadRequest();
        }
        if (!await db.Set<Ride>().AnyAsync(r => r.NeedId == id && r.TripId == tripId && r.Return == back, cancellationToken))
        {
            db.Add(new Ride
            {
                NeedId = id,
                TripId = tripId,
                Return = back,
                DetourMinutes = Math.Round(match.DetourMinutes, 1),
                PickUp = TimeOnly.FromDateTime(match.PickUp),
                DropOff = TimeOnly.FromDateTime(match.DropOff),
                Kilometres = Math.Round(match.SharedKilometres, 1),
                Status = RideStatus.Proposed,
                ProposedBy = User.AccountId(),
                ProposedAt = clock.Now,
            });
            auditLog.Add(db, new AuditEvent("mobility.ride-propose", "TravelNeed", id.ToString("D"), AuditPurpose.MobilityHelp, ActorId: User.AccountId()));
            await db.SaveChangesAsync(cancellationToken);
        }
        return Redirect($"/mobilite/besoins/{id}");
    }

    public Task<IActionResult> OnPostTransitAsync(Guid id, CancellationToken cancellationToken) => CloseAsync(id, NeedStatus.Transit, null, cancellationToken);

    public Task<IActionResult> OnPostOtherAsync(Guid id, CancellationToken cancellationToken) => CloseAsync(id, NeedStatus.OtherSolution, null, cancellationToken);

    public Task<IActionResult> OnPostUnmetAsync(Guid id, CancellationToken cancellationToken) => CloseAsync(id, NeedStatus.Unmet, Reason, cancellationToken);

    private async Task<IActionResult> CloseAsync(Guid id, NeedStatus status, UnmetReason? reason, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        var need = await db.Set<TravelNeed>().SingleAsync(n => n.Id == id, cancellationToken);
        need.Status = status;
        need.UnmetReason = reason;
        auditLog.Add(db, new AuditEvent("mobility.need-close", "TravelNeed", id.ToString("D"), AuditPurpose.MobilityHelp, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/mobilite/besoins/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var need = await db.Set<TravelNeed>().AsNoTracking().Include(n => n.Person).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (need == null)
        {
            return NotFound();
        }
        if (!await access.CanSeeAsync(User, need.RecordedBy, cancellationToken))
        {
            return Forbid();
        }
        Need = need;
        FromName = await db.Communes.Where(c => c.InseeCode == need.FromInseeCode).Select(c => c.Name).SingleAsync(cancellationToken);
        Rides = await db.Set<Ride>().AsNoTracking().Where(r => r.NeedId == id).ToListAsync(cancellationToken);
        return null;
    }

    private async Task SolutionsAsync(CancellationToken cancellationToken)
    {
        // By its INSEE code: two communes may share a name.
        var (from, _) = await search.ResolveAsync(Need.FromInseeCode, cancellationToken);
        var (to, _) = await search.ResolveAsync(Need.Destination, cancellationToken);
        if (from == null || to == null)
        {
            return;
        }
        Transit = await search.SearchAsync(from, to, Need.Day.ToDateTime(Need.Time), Need.ArriveBy, wheelchair: false, cancellationToken);
        if (Need.ReturnTime is { } back)
        {
            TransitBack = await search.SearchAsync(to, from, Need.Day.ToDateTime(back), arriveBy: false, wheelchair: false, cancellationToken);
        }
        if (from.Point == null || to.Point == null)
        {
            return;
        }
        Matches = await CarpoolAsync(from.Point, to.Point, Need.Time, Need.ArriveBy, cancellationToken);
        if (Need.ReturnTime is { } time)
        {
            MatchesBack = await CarpoolAsync(to.Point, from.Point, time, arriveBy: false, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<CarpoolMatch>> CarpoolAsync(RoadPoint from, RoadPoint to, TimeOnly time, bool arriveBy, CancellationToken cancellationToken)
    {
        var offers = await carpool.OffersAsync(from, to, Need.Day, time, arriveBy, cancellationToken);
        foreach (var offer in offers)
        {
            TripLabels[offer.Match.Trip.Id] = offer.Trip;
        }
        return offers.Select(o => o.Match).ToList();
    }
}
