using CarteBlanche.Mobility.Journeys;
using CarteBlanche.Mobility.Needs;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Mobility.Carpool;

/// <summary>A driver's regular trip that suits a request, told without naming the driver.</summary>
public sealed record CarpoolOffer(CarpoolMatch Match, string Trip);

/// <summary>
/// The drivers' regular trips in force that suit a trip on a day (<see cref="CarpoolMatcher"/>): for a helper's need,
/// and as « virtual lines » in the public journey search, where the operator's phone is the way in.
/// </summary>
public sealed class CarpoolSearch(CarteBlancheDbContext db, IRoadTimes roads, IOptions<MobilityOptions> options)
{
    public async Task<IReadOnlyList<CarpoolOffer>> OffersAsync(RoadPoint from, RoadPoint to, DateOnly day, TimeOnly time, bool arriveBy, CancellationToken cancellationToken)
    {
        var trips = await db.Set<RegularTrip>().AsNoTracking().Where(t => t.Expires >= day).ToListAsync(cancellationToken);
        if (trips.Count == 0)
        {
            return [];
        }
        var communes = await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.InseeCode, cancellationToken);
        RoadPoint Point(string insee) => new(insee, communes[insee].Latitude, communes[insee].Longitude);
        var driverTrips = trips.Select(t => new DriverTrip(t.Id, Point(t.FromInseeCode), Point(t.ToInseeCode), t.Days, t.Departure, t.FlexibilityMinutes, t.Tolerance, t.Expires)).ToList();
        var byId = trips.ToDictionary(t => t.Id);
        return new CarpoolMatcher(roads).Match(driverTrips, [new RideRequest(Guid.Empty, from, to, day, time, arriveBy)])[0]
            .Select(m =>
            {
                var t = byId[m.Trip.Id];
                return new CarpoolOffer(m, $"{communes[t.FromInseeCode].Name} → {communes[t.ToInseeCode].Name}, {Labels.Days(t.Days)} vers {JourneySearch.Time(day.ToDateTime(t.Departure))} (± {t.FlexibilityMinutes} min)");
            }).ToList();
    }

    /// <summary>The carpool operator's phone, for the public: passengers go through it.</summary>
    public async Task<(string Name, string? Phone)?> OperatorAsync(CancellationToken cancellationToken)
    {
        var name = options.Value.CarpoolOperator;
        var found = await db.Organisations.AsNoTracking().Where(o => o.Name == name).Select(o => new { o.Name, o.Phone }).FirstOrDefaultAsync(cancellationToken);
        return found == null ? null : (found.Name, found.Phone);
    }
}
