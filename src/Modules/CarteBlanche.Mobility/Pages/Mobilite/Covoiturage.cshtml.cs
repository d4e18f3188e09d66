using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Notifications;
using CarteBlanche.Platform.Results;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Mobility.Pages.Mobilite;

/// <summary>A ride with the names of the driver's communes (<paramref name="From"/>, <paramref name="To"/>) and of the passenger's (<paramref name="NeedFrom"/>).</summary>
public sealed record RideRow(Ride Ride, TravelNeed Need, RegularTrip Trip, string From, string To, string NeedFrom);

/// <summary>The carpool operator's console: each proposed ride with both sides' phones; the operator calls them and records the outcome.</summary>
[Authorize(Policy = Policies.Mobility)]
public sealed class CovoiturageModel(CarteBlancheDbContext db, MobilityAccess access, Carpool.CarpoolSearch carpool, Outbox outbox, IAuditLog auditLog, ParisClock clock, SatisfactionAnswers satisfaction) : PageModel
{
    public string? Message { get; private set; }

    public IReadOnlyList<RideRow> Rides { get; private set; } = [];

    /// <summary>Rides done whose passenger's opinion has been noted (once per ride).</summary>
    public IReadOnlySet<Guid> RidesWithOpinion { get; private set; } = new HashSet<Guid>();

    public async Task<IActionResult> OnGetAsync(string? envoye, CancellationToken cancellationToken)
    {
        if (!await access.IsOperatorAsync(User, cancellationToken))
        {
            return Forbid();
        }
        Message = envoye switch
        {
            "passager" => "SMS envoyé au passager.",
            "conducteur" => "SMS envoyé au conducteur.",
            _ => null,
        };
        var rides = await db.Set<Ride>().AsNoTracking().Include(r => r.Need!).ThenInclude(n => n.Person).Include(r => r.Trip!).ThenInclude(t => t.Driver)
            .Where(r => r.Status == RideStatus.Proposed || r.Status == RideStatus.Agreed || r.Need!.Day >= clock.Today.AddDays(-30))
            .ToListAsync(cancellationToken);
        var codes = rides.SelectMany(r => new[] { r.Need!.FromInseeCode, r.Trip!.FromInseeCode, r.Trip.ToInseeCode }).Distinct().ToList();
        var names = await db.Communes.Where(c => codes.Contains(c.InseeCode)).ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        Rides = rides.OrderBy(r => r.Status is RideStatus.Proposed ? 0 : r.Status is RideStatus.Agreed ? 1 : 2).ThenBy(r => r.Need!.Day)
            .Select(r => new RideRow(r, r.Need!, r.Trip!, names.GetValueOrDefault(r.Trip!.FromInseeCode, ""), names.GetValueOrDefault(r.Trip.ToInseeCode, ""), names.GetValueOrDefault(r.Need!.FromInseeCode, ""))).ToList();
        var done = rides.Where(r => r.Status == RideStatus.Done).Select(r => (Guid?)r.Id).ToList();
        RidesWithOpinion = (await db.Set<SatisfactionAnswer>().Where(a => a.Solution == "mobilite" && done.Contains(a.SourceId)).Select(a => a.SourceId!.Value).ToListAsync(cancellationToken)).ToHashSet();
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

    /// <summary>
    /// The passenger's opinion of a ride done, asked by the operator on the phone (score 1 to 5, optional comment),
    /// once per ride. The comment waits for a coordinator's review before the results show it.
    /// </summary>
    public async Task<IActionResult> OnPostOpinionAsync(Guid rideId, int? score, string? comment, CancellationToken cancellationToken)
    {
        if (!await access.IsOperatorAsync(User, cancellationToken))
        {
            return Forbid();
        }
        var ride = await db.Set<Ride>().AsNoTracking().Include(r => r.Need).SingleOrDefaultAsync(r => r.Id == rideId, cancellationToken);
        if (ride == null)
        {
            return NotFound();
        }
        string? error = null;
        if (ride.Status != RideStatus.Done)
        {
            error = "L'avis du passager se note une fois le trajet fait.";
        }
        else if (await db.Set<SatisfactionAnswer>().AnyAsync(a => a.Solution == "mobilite" && a.SourceId == rideId, cancellationToken))
        {
            error = "L'avis du passager sur ce trajet est déjà noté.";
        }
        else if (score == null)
        {
            error = "Choisissez la note donnée par le passager, de 1 à 5.";
        }
        error ??= satisfaction.Add("mobilite", null, rideId, ride.Need!.Day, score!.Value, comment, "Par téléphone");
        if (error != null)
        {
            TempData["Erreur"] = error;
            return Redirect("/mobilite/covoiturage");
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Avis du passager noté.";
        return Redirect("/mobilite/covoiturage");
    }

    /// <summary>Sends the ride's details by SMS (through the outbox) to the passenger or to the driver, with the operator's phone to answer.</summary>
    public async Task<IActionResult> OnPostSmsAsync(Guid rideId, string to, CancellationToken cancellationToken)
    {
        if (!await access.IsOperatorAsync(User, cancellationToken))
        {
            return Forbid();
        }
        var ride = await db.Set<Ride>().Include(r => r.Need!).ThenInclude(n => n.Person).Include(r => r.Trip!).ThenInclude(t => t.Driver)
            .SingleOrDefaultAsync(r => r.Id == rideId, cancellationToken);
        if (ride == null || to is not ("passager" or "conducteur"))
        {
            return NotFound();
        }
        var need = ride.Need!;
        var passenger = need.Person!;
        var driver = ride.Trip!.Driver!;
        var phone = to == "passager" ? passenger.Phone : driver.Phone;
        if (string.IsNullOrWhiteSpace(phone))
        {
            return BadRequest();
        }
        var commune = await db.Communes.Where(c => c.InseeCode == need.FromInseeCode).Select(c => c.Name).SingleAsync(cancellationToken);
        var (from, destination) = ride.Return ? (need.Destination, commune) : (commune, need.Destination);
        var op = await carpool.OperatorAsync(cancellationToken);
        var answer = op is { Phone: { Length: > 0 } operatorPhone } ? $"Pour confirmer ou annuler : {operatorPhone}." : "Pour confirmer ou annuler, répondez à l'association.";
        var day = Journeys.JourneySearch.Day(need.Day.ToDateTime(ride.PickUp));
        var body = to == "passager"
            ? $"Covoiturage solidaire : {driver.FirstName} peut vous prendre le {day} vers {FrenchFormat.Hour(ride.PickUp)} à {from}, arrivée vers {FrenchFormat.Hour(ride.DropOff)} à {destination}. {answer}"
            : $"Covoiturage solidaire : un passager, {passenger.FirstName}, à prendre le {day} vers {FrenchFormat.Hour(ride.PickUp)} à {from}, à déposer vers {FrenchFormat.Hour(ride.DropOff)} à {destination} (détour {Math.Ceiling(ride.DetourMinutes)} min). {answer}";
        outbox.QueueSms(phone, body);
        if (to == "passager")
        {
            ride.PassengerSmsAt = clock.Now;
        }
        else
        {
            ride.DriverSmsAt = clock.Now;
        }
        auditLog.Add(db, new AuditEvent("mobility.ride-sms", "Ride", rideId.ToString("D"), AuditPurpose.MobilityHelp, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/mobilite/covoiturage?envoye={to}");
    }
}
