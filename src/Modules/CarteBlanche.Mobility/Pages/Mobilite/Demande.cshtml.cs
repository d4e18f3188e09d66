using CarteBlanche.Mobility.Carpool;
using CarteBlanche.Mobility.Journeys;
using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.RateLimiting;

namespace CarteBlanche.Mobility.Pages.Mobilite;

/// <summary>
/// A person without a car asks for a solidarity carpool ride themselves (Lot'ôcar's passengers could call, or ask a
/// helper; this is the third way in): their trip, a phone to be called back, their consent. The need goes to the
/// carpool operator's list, marked « demande en ligne »; nothing about drivers is shown here.
/// </summary>
[Public("Un habitant demande un covoiturage solidaire, sans compte ; l'opérateur le rappelle.")]
[EnableRateLimiting(MobilityModule.RequestRateLimit)]
public sealed class DemandeModel(CarteBlancheDbContext db, JourneySearch search, CarpoolSearch carpool, NeedRecording recording, ParisClock clock) : PageModel
{
    [BindProperty] public NeedForm Form { get; set; } = new();
    public IReadOnlyList<string> Suggestions { get; private set; } = [];
    public IReadOnlyList<CommuneChoice.Option> Communes { get; private set; } = [];
    public (string Name, string? Phone)? Operator { get; private set; }
    public bool Sent { get; private set; }

    /// <summary>Prefilled from the journey search (<c>de</c>, <c>a</c>, <c>date</c>, <c>heure</c>, <c>sens</c>).</summary>
    public async Task OnGetAsync(string? de, string? a, DateOnly? date, TimeOnly? heure, string? sens, bool envoyee, CancellationToken cancellationToken)
    {
        Sent = envoyee;
        Form.From = de;
        Form.To = a;
        Form.Day = date is { } d && d >= clock.Today ? d : clock.Today.AddDays(1);
        Form.Time = heure ?? new TimeOnly(9, 0);
        Form.ArriveBy = sens != "partir";
        await LoadAsync(cancellationToken);
        // From the journey search the departure comes as an INSEE code: shown as the list shows it.
        var (insee, _) = await CommuneChoice.ResolveAsync(db, de, cancellationToken);
        if (insee != null)
        {
            Form.From = Communes.FirstOrDefault(c => c.InseeCode == insee)?.Label ?? de;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // The operator calls back: without a phone there is no way to reach the person.
        if (string.IsNullOrWhiteSpace(Form.Phone))
        {
            ModelState.AddModelError("Form.Phone", "Téléphone : indiquez un numéro où l'opérateur du covoiturage peut vous rappeler.");
        }
        if (await recording.CheckAsync(Form, ModelState, cancellationToken) is not { } need)
        {
            return Page();
        }
        await recording.SaveAsync(Form, need, recordedBy: null, cancellationToken);
        return Redirect("/mobilite/demande?envoyee=true");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Suggestions = await search.SuggestionsAsync(cancellationToken);
        Communes = await CommuneChoice.OptionsAsync(db, cancellationToken);
        Operator = await carpool.OperatorAsync(cancellationToken);
    }
}
