using Microsoft.AspNetCore.WebUtilities;
using System.Globalization;
using CarteBlanche.Mobility.Journeys;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Mobility.Pages.Mobilite;

/// <summary>
/// « Trouver un trajet », public: from a commune, a place or a stop to another, leaving at or arriving by a time, the
/// territory's buses and coaches (on-demand ones with their booking phone) as French itineraries, printable. A GET
/// form: a helper can send the address of the answer. Nothing is stored.
/// </summary>
[Public("La recherche de trajets est ouverte à tous, sans compte ; rien n'est enregistré.")]
public sealed class IndexModel(JourneySearch search, CarteBlanche.Mobility.Carpool.CarpoolSearch carpool, ParisClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "de")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "a")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "date")] public string? Date { get; set; }
    [BindProperty(SupportsGet = true, Name = "heure")] public string? Hour { get; set; }
    /// <summary>« arriver » to arrive by the time; leaving at it otherwise.</summary>
    [BindProperty(SupportsGet = true, Name = "sens")] public string? Direction { get; set; }
    [BindProperty(SupportsGet = true, Name = "fauteuil")] public bool Wheelchair { get; set; }

    public IReadOnlyList<string> Suggestions { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public JourneyAnswer? Answer { get; private set; }
    public string? FromLabel { get; private set; }
    public string? ToLabel { get; private set; }
    public bool ArriveBy => Direction == "arriver";
    /// <summary>Drivers of the solidarity carpool whose regular trip suits the search (« virtual lines »), without their names.</summary>
    public IReadOnlyList<CarteBlanche.Mobility.Carpool.CarpoolOffer> Carpool { get; private set; } = [];
    public (string Name, string? Phone)? Operator { get; private set; }
    /// <summary>The public carpool request, prefilled with this search (the departure as its commune's INSEE code when known).</summary>
    public string RequestUrl { get; private set; } = "/mobilite/demande";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Suggestions = await search.SuggestionsAsync(cancellationToken);
        var asked = From != null || To != null;
        Date ??= clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Hour ??= "08:00";
        if (!asked)
        {
            return;
        }
        var (from, fromError) = await search.ResolveAsync(From, cancellationToken);
        var (to, toError) = await search.ResolveAsync(To, cancellationToken);
        if (fromError != null)
        {
            Errors["de"] = $"Départ : {fromError}";
        }
        if (toError != null)
        {
            Errors["a"] = $"Arrivée : {toError}";
        }
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Errors["date"] = "Date : choisissez un jour (jj/mm/aaaa).";
        }
        else if (day < clock.Today)
        {
            Errors["date"] = "Date : ce jour est passé, choisissez aujourd'hui ou un jour à venir.";
        }
        if (!TimeOnly.TryParseExact(Hour, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Errors["heure"] = "Heure : indiquez une heure (hh:mm), par exemple 08:30.";
        }
        if (Errors.Count > 0 || from == null || to == null)
        {
            return;
        }
        (FromLabel, ToLabel) = (from.Label, to.Label);
        RequestUrl = QueryHelpers.AddQueryString("/mobilite/demande", new Dictionary<string, string?>
        {
            ["de"] = from.Point?.InseeCode ?? From,
            ["a"] = To,
            ["date"] = Date,
            ["heure"] = Hour,
            ["sens"] = ArriveBy ? "arriver" : "partir",
        });
        Answer = await search.SearchAsync(from, to, day.ToDateTime(time), ArriveBy, Wheelchair, cancellationToken);
        if (from.Point != null && to.Point != null && !Wheelchair)
        {
            Carpool = await carpool.OffersAsync(from.Point, to.Point, day, time, ArriveBy, cancellationToken);
            Operator = Carpool.Count > 0 ? await carpool.OperatorAsync(cancellationToken) : null;
        }
    }
}
