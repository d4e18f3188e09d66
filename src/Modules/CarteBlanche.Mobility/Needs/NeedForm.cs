using System.ComponentModel.DataAnnotations;
using CarteBlanche.Mobility.Journeys;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteBlanche.Mobility.Needs;

/// <summary>A travel need as typed on a form: by a helper for a person (<c>/mobilite/besoins/nouveau</c>) or by the person themselves (<c>/mobilite/demande</c>).</summary>
public sealed class NeedForm
{
    [Required(ErrorMessage = "Prénom : indiquez le prénom.")][MaxLength(100)] public string? FirstName { get; set; }
    [Required(ErrorMessage = "Nom : indiquez le nom.")][MaxLength(100)] public string? LastName { get; set; }
    [MaxLength(30)][RegularExpression(@"^[0-9 +.]{10,20}$", ErrorMessage = "Téléphone : 10 chiffres, par exemple 05 65 35 00 01.")] public string? Phone { get; set; }
    [Required(ErrorMessage = "Commune de départ : tapez le nom ou le code postal, puis choisissez dans la liste.")] public string? From { get; set; }
    [Required(ErrorMessage = "Destination : une commune, un arrêt ou un lieu.")] public string? To { get; set; }
    [Required(ErrorMessage = "Jour : choisissez le jour du déplacement.")] public DateOnly? Day { get; set; }
    [Required(ErrorMessage = "Heure : indiquez l'heure (hh:mm).")] public TimeOnly? Time { get; set; }
    public bool ArriveBy { get; set; } = true;
    /// <summary>The way back the same day, leaving from this time; empty for a one-way trip.</summary>
    public TimeOnly? ReturnTime { get; set; }
    public TravelPurpose Purpose { get; set; } = TravelPurpose.PublicService;
    public bool Consent { get; set; }
}

/// <summary>Checks a <see cref="NeedForm"/> beyond its attributes (communes found, day not past, return after the trip, consent) and records the person and their need.</summary>
public sealed class NeedRecording(CarteBlancheDbContext db, JourneySearch search, IAuditLog auditLog, ParisClock clock)
{
    /// <summary>The need to record, or null with the errors in <paramref name="modelState"/> under « Form.* ».</summary>
    public async Task<TravelNeed?> CheckAsync(NeedForm form, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var (fromInsee, fromError) = await CommuneChoice.ResolveAsync(db, form.From, cancellationToken);
        if (fromError != null)
        {
            modelState.AddModelError("Form.From", $"Commune de départ : {fromError}");
        }
        JourneyEnd? to = null;
        if (!string.IsNullOrWhiteSpace(form.To))
        {
            (to, var toError) = await search.ResolveAsync(form.To, cancellationToken);
            if (toError != null)
            {
                modelState.AddModelError("Form.To", $"Destination : {toError}");
            }
        }
        if (form.Day is { } day && day < clock.Today)
        {
            modelState.AddModelError("Form.Day", "Jour : ce jour est passé ; un besoin se note pour aujourd'hui ou un jour à venir.");
        }
        if (form.ReturnTime is { } back && form.Time is { } time && back <= time)
        {
            modelState.AddModelError("Form.ReturnTime", $"Retour : l'heure du retour ({FrenchFormat.Hour(back)}) doit être après celle de l'aller ({FrenchFormat.Hour(time)}), le même jour.");
        }
        if (!form.Consent)
        {
            modelState.AddModelError("Form.Consent", "Accord : il faut accepter que les coordonnées soient notées et transmises à l'opérateur du covoiturage.");
        }
        if (!modelState.IsValid || fromInsee == null || to == null)
        {
            return null;
        }
        if (to.Point?.InseeCode is not { } toInsee)
        {
            modelState.AddModelError("Form.To", "Destination : sa commune n'a pas pu être trouvée ; choisissez une commune de la liste.");
            return null;
        }
        return new TravelNeed
        {
            FromInseeCode = fromInsee,
            Destination = to.Label,
            DestinationInseeCode = toInsee,
            Day = form.Day!.Value,
            Time = form.Time!.Value,
            ArriveBy = form.ArriveBy,
            ReturnTime = form.ReturnTime,
            Purpose = form.Purpose,
            Status = NeedStatus.Open,
        };
    }

    /// <summary>Saves the person (with the moment of their consent) and their need, journaled; <paramref name="recordedBy"/> is null for a person asking themselves.</summary>
    public async Task SaveAsync(NeedForm form, TravelNeed need, Guid? recordedBy, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var person = new TravelPerson
        {
            FirstName = form.FirstName!.Trim(),
            LastName = form.LastName!.Trim(),
            Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim(),
            CommuneInseeCode = need.FromInseeCode,
            ConsentAt = now,
            RecordedBy = recordedBy,
            CreatedAt = now,
        };
        need.PersonId = person.Id;
        need.RecordedBy = recordedBy;
        need.RecordedAt = now;
        db.AddRange(person, need);
        auditLog.Add(db, new AuditEvent(recordedBy == null ? "mobility.need-request" : "mobility.need-record", "TravelNeed", need.Id.ToString("D"), AuditPurpose.MobilityHelp, ActorId: recordedBy));
        await db.SaveChangesAsync(cancellationToken);
    }
}
