using System.Globalization;
using CarteBlanche.Mobility.Carpool;
using CarteBlanche.Mobility.Networks;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Transit;

namespace CarteBlanche.Mobility.Journeys;

/// <summary>
/// Where a journey starts or ends: a stop of the network, or a point (a commune's centre, a place) reached on foot;
/// <paramref name="Point"/> is where a car would go (with the commune it is in), when known.
/// </summary>
public sealed record JourneyEnd(string Label, IReadOnlyDictionary<int, int> Stops, string? NoStop, RoadPoint? Point = null);

/// <summary>One way to go, told in French: a summary line and the steps, in order.</summary>
public sealed record Itinerary(DateTime Departure, DateTime Arrival, string Summary, IReadOnlyList<string> Steps, bool NeedsBooking, bool TooLateToBook = false);

/// <summary>How to book an on-demand line: its phone and its rule (from the offer that is this line), and the time now, to tell when it is too late.</summary>
public sealed record OnDemandBooking(IReadOnlyDictionary<string, Offers.MobilityOffer> ByRoute, DateTime Now)
{
    public static readonly OnDemandBooking None = new(new Dictionary<string, Offers.MobilityOffer>(), DateTime.MinValue);
}

/// <summary>The answer to a search: the itineraries, or why there is none (and what the person can do).</summary>
public sealed record JourneyAnswer(IReadOnlyList<Itinerary> Itineraries, string? Notice);

/// <summary>
/// The journey search of the public page and of helpers: communes, places and stops by name; leaving at or arriving
/// by a time; the transit engine's answers told as French itineraries.
/// </summary>
public sealed class JourneySearch(CarteBlancheDbContext db, MobilityNetwork networks, Platform.Calendar.ParisClock clock)
{
    /// <summary>Walking farther than this to or from a stop is not offered (a rural road has no pavement).</summary>
    public const double MaxWalkMetres = 1000;
    public static readonly TimeSpan LeaveWindow = TimeSpan.FromHours(3);
    public static readonly TimeSpan ArriveWindow = TimeSpan.FromHours(12);
    public const int MaxItineraries = 3;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The suggestions of the fields: the communes, the places of the territory, the stops.</summary>
    public async Task<IReadOnlyList<string>> SuggestionsAsync(CancellationToken cancellationToken)
    {
        var communes = await CommuneChoice.OptionsAsync(db, cancellationToken);
        var places = await db.Places.AsNoTracking().Where(p => p.IsActive && p.Latitude != null && p.Longitude != null).Select(p => p.Name).ToListAsync(cancellationToken);
        var stops = await networks.CurrentAsync(cancellationToken) is { } n ? n.Network.StopNames.Distinct(StringComparer.Ordinal) : [];
        return [.. communes.Select(c => c.Label), .. places.Order(StringComparer.Ordinal), .. stops.Order(StringComparer.Ordinal)];
    }

    /// <summary>The end a text names, or the French message saying why it names none.</summary>
    public async Task<(JourneyEnd? End, string? Error)> ResolveAsync(string? text, CancellationToken cancellationToken)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return (null, "Indiquez une commune, un arrêt ou un lieu.");
        }
        if ((await networks.CurrentAsync(cancellationToken))?.Network is not { } transit)
        {
            return (null, "Les horaires des transports ne sont pas disponibles pour le moment.");
        }
        var folded = SearchText.Fold(typed);
        var communes = await db.Communes.AsNoTracking().Select(c => new { c.InseeCode, c.Latitude, c.Longitude }).ToListAsync(cancellationToken);
        // The commune a point is in, near enough: the one whose centre is nearest.
        RoadPoint PointAt(double latitude, double longitude) => new(
            communes.MinBy(c => Geo.Metres(latitude, longitude, c.Latitude, c.Longitude))?.InseeCode, latitude, longitude);
        var stops = Enumerable.Range(0, transit.StopIds.Length).Where(i => SearchText.Fold(transit.StopNames[i]) == folded).ToList();
        if (stops.Count > 0)
        {
            // A station: its platforms (its child stops) too.
            var withChildren = stops.Concat(Enumerable.Range(0, transit.StopIds.Length).Where(i => stops.Contains(transit.StopParent[i]))).Distinct();
            return (new JourneyEnd(transit.StopNames[stops[0]], withChildren.ToDictionary(i => i, _ => 0), null, PointAt(transit.Latitude[stops[0]], transit.Longitude[stops[0]])), null);
        }
        var places = await db.Places.AsNoTracking().Where(p => p.IsActive && p.Latitude != null && p.Longitude != null)
            .Select(p => new { p.Name, p.Latitude, p.Longitude }).ToListAsync(cancellationToken);
        if (places.FirstOrDefault(p => SearchText.Fold(p.Name) == folded) is { } place)
        {
            return (Around(transit, place.Name, place.Latitude!.Value, place.Longitude!.Value) with { Point = PointAt(place.Latitude!.Value, place.Longitude!.Value) }, null);
        }
        var (insee, error) = await CommuneChoice.ResolveAsync(db, typed, cancellationToken);
        if (insee == null)
        {
            return (null, $"« {typed} » n'est ni une commune du territoire, ni un arrêt, ni un lieu connu : choisissez dans la liste.");
        }
        var commune = await db.Communes.AsNoTracking().SingleAsync(c => c.InseeCode == insee, cancellationToken);
        return (Around(transit, commune.Name, commune.Latitude, commune.Longitude) with { Point = new RoadPoint(commune.InseeCode, commune.Latitude, commune.Longitude) }, null);
    }

    /// <summary>The stops within walking distance of a point; none, and the nearest one named, when it is too far.</summary>
    internal static JourneyEnd Around(TransitNetwork transit, string label, double latitude, double longitude)
    {
        var walk = new WalkOptions();
        var near = new Dictionary<int, int>();
        var nearest = -1;
        var nearestMetres = double.MaxValue;
        for (var i = 0; i < transit.StopIds.Length; i++)
        {
            var metres = Geo.Metres(latitude, longitude, transit.Latitude[i], transit.Longitude[i]);
            if (metres <= MaxWalkMetres)
            {
                near[i] = walk.Seconds(metres);
            }
            if (metres < nearestMetres)
            {
                (nearest, nearestMetres) = (i, metres);
            }
        }
        var noStop = near.Count > 0 ? null
            : nearest < 0 ? $"Aucun arrêt de car ou de bus n'est connu près de {label}."
            : $"Aucun arrêt de car ou de bus à moins de 1 km de {label} : le plus proche, {transit.StopNames[nearest]}, est à {(nearestMetres / 1000).ToString("0.#", French)} km.";
        return new JourneyEnd(label, near, noStop);
    }

    /// <summary>Itineraries leaving at <paramref name="at"/> (or arriving by it), in the network's local time.</summary>
    public async Task<JourneyAnswer> SearchAsync(JourneyEnd from, JourneyEnd to, DateTime at, bool arriveBy, bool wheelchair, CancellationToken cancellationToken)
    {
        var network = await networks.CurrentAsync(cancellationToken);
        var lines = await db.Set<Offers.MobilityOffer>().AsNoTracking().Where(o => o.IsActive && o.RouteId != null).ToListAsync(cancellationToken);
        var booking = new OnDemandBooking(lines.GroupBy(o => o.RouteId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal), clock.LocalNow);
        return Search(network, from, to, at, arriveBy, wheelchair, booking);
    }

    /// <summary>The same, on a given network (no database needed).</summary>
    internal static JourneyAnswer Search(NetworkInService? network, JourneyEnd from, JourneyEnd to, DateTime at, bool arriveBy, bool wheelchair, OnDemandBooking? booking = null)
    {
        booking ??= OnDemandBooking.None;
        if (network?.Network is not { } transit)
        {
            return new JourneyAnswer([], "Les horaires des transports ne sont pas disponibles pour le moment.");
        }
        if (from.NoStop != null || to.NoStop != null)
        {
            return new JourneyAnswer([], from.NoStop ?? to.NoStop);
        }
        var (first, last) = network.Calendar;
        var day = DateOnly.FromDateTime(at);
        if (first <= last && (day < first || day > last))
        {
            return new JourneyAnswer([], $"Les horaires connus vont du {first.ToString("d MMMM yyyy", French)} au {last.ToString("d MMMM yyyy", French)} : choisissez une date dans cette période.");
        }
        var options = new PlanOptions(WheelchairOnly: wheelchair);
        if (arriveBy)
        {
            var latest = network.Plan(p => p.LatestDeparture(from.Stops, to.Stops, at, ArriveWindow, options));
            // Arriving the day before is no answer to an appointment.
            if (latest != null && DateOnly.FromDateTime(latest.Arrival) != day)
            {
                latest = null;
            }
            return latest == null
                ? new JourneyAnswer([], $"Aucun trajet en transport en commun n'arrive avant {Time(at)} le {Day(at)}.")
                : new JourneyAnswer([Describe(transit, latest, from, to, booking)], null);
        }
        var journeys = network.Plan(p => p.Range(from.Stops, to.Stops, at, LeaveWindow, options))
            .OrderBy(j => j.Departure).Take(MaxItineraries).ToList();
        if (journeys.Count == 0)
        {
            // Nothing in the window: the first one the following days (a line may run only on some days).
            var next = network.Plan(p => p.EarliestArrival(from.Stops, to.Stops, at, options));
            journeys = next == null ? [] : [next];
        }
        if (journeys.Count == 0)
        {
            return new JourneyAnswer([], $"Aucun trajet en transport en commun de {from.Label} à {to.Label} dans les jours qui suivent le {Day(at)}.");
        }
        var later = journeys[0].Departure > at + LeaveWindow;
        return new JourneyAnswer(journeys.Select(j => Describe(transit, j, from, to, booking)).ToList(),
            later ? $"Aucun départ dans les {LeaveWindow.TotalHours:0} heures qui suivent : voici les premiers possibles." : null);
    }

    internal static Itinerary Describe(TransitNetwork transit, Journey journey, JourneyEnd from, JourneyEnd to, OnDemandBooking? bookings = null)
    {
        bookings ??= OnDemandBooking.None;
        var steps = new List<string>();
        var booking = false;
        var tooLate = false;
        var rides = journey.Legs.Where(l => !l.Walk).ToList();
        foreach (var leg in journey.Legs)
        {
            if (leg.Walk)
            {
                var minutes = Math.Max(1, (int)Math.Round((leg.Arrival - leg.Departure).TotalMinutes));
                var start = leg.FromStop < 0 ? from.Label : $"l'arrêt {transit.StopNames[leg.FromStop]}";
                var end = leg.ToStop < 0 ? to.Label : $"l'arrêt {transit.StopNames[leg.ToStop]}";
                steps.Add($"À pied de {start} jusqu'à {end} ({minutes} min).");
                continue;
            }
            var trip = transit.Trips[leg.Trip];
            var route = transit.Routes[trip.Route];
            var agency = transit.Agencies[route.Agency];
            var onDemand = leg.BookingRequired;
            booking |= onDemand;
            var line = onDemand ? $"Transport à la demande {route.Name}" : $"{Mode(route.Type)} ligne {route.Name}";
            var direction = string.IsNullOrWhiteSpace(trip.Headsign) ? "" : $", direction {trip.Headsign}";
            var text = $"{Capital(Day(leg.Departure))}, {line} ({agency.Name}) à {Time(leg.Departure)} depuis {transit.StopNames[leg.FromStop]}{direction} ; descendez à {transit.StopNames[leg.ToStop]} à {Time(leg.Arrival)}.";
            if (onDemand)
            {
                var offer = bookings.ByRoute.GetValueOrDefault(route.Id);
                var phone = offer?.Phone is { Length: > 0 } offerPhone ? offerPhone : agency.Phone;
                var deadline = offer?.BookingDeadline(leg.Departure);
                if (deadline is { } by && by < bookings.Now)
                {
                    tooLate = true;
                    text += $" Réservation obligatoire au plus tard {Day(by)} à {Time(by)} : il est trop tard pour ce départ.";
                }
                else
                {
                    var until = deadline is { } d ? $"au plus tard {Day(d)} à {Time(d)}" : "avant le départ";
                    text += phone is { Length: > 0 }
                        ? $" Réservation obligatoire : appelez le {phone} {until}."
                        : $" Réservation obligatoire auprès du transporteur {until}.";
                }
            }
            steps.Add(text);
        }
        var duration = journey.Arrival - journey.Departure;
        var changes = rides.Count switch
        {
            0 => "à pied",
            1 => "sans correspondance",
            2 => "1 correspondance",
            var n => $"{n - 1} correspondances",
        };
        var summary = $"{Capital(Day(journey.Departure))} : départ {Time(journey.Departure)}, arrivée {Time(journey.Arrival)}{(DateOnly.FromDateTime(journey.Arrival) != DateOnly.FromDateTime(journey.Departure) ? $" le {Day(journey.Arrival)}" : "")} — {Duration(duration)}, {changes}.";
        return new Itinerary(journey.Departure, journey.Arrival, summary, steps, booking, tooLate);
    }

    private static string Mode(int routeType) => routeType switch
    {
        0 => "Tram",
        1 => "Métro",
        2 => "Train",
        4 => "Bateau",
        _ => "Car",
    };

    public static string Time(DateTime at) => Platform.Web.FrenchFormat.Hour(TimeOnly.FromDateTime(at));

    public static string Day(DateTime at) => at.ToString("dddd d MMMM", French);

    private static string Duration(TimeSpan duration) =>
        duration.TotalMinutes < 60 ? $"{(int)Math.Round(duration.TotalMinutes)} min" : $"{(int)duration.TotalHours} h {duration.Minutes:00}";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], French) + text[1..];
}
