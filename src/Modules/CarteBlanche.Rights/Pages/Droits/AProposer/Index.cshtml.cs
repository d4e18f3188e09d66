using CarteBlanche.Desk.Contracts;
using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Campaigns;

namespace CarteBlanche.Rights.Pages.Droits.AProposer;

public sealed record ToProposeRow(Signal Signal, IReadOnlyList<DeskResidentCard> Residents);

/// <summary>
/// For desk agents: the rights residents of their site probably have and did not ask for, found by the campaigns, for
/// residents who consented to it. Each opens the signal (explanation, what to say, outcome). Nothing of other households.
/// </summary>
[Authorize(Policy = Policies.Desk)]
public sealed class IndexModel(ResidentSignals residentSignals, IDeskResidents deskResidents) : PageModel
{
    public PagedList<ToProposeRow> Rows { get; private set; } = new([], 1, 1, 0);

    /// <summary>Shows the signals already followed up too.</summary>
    [BindProperty(SupportsGet = true, Name = "tous")] public bool All { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public string UrlFor(int page) => $"?tous={All}&p={page}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Site() is not { } site)
        {
            return Forbid();
        }
        var signals = await residentSignals.OfSiteAsync(site, cancellationToken);
        if (!All)
        {
            signals = signals.Where(s => s.Signal.Status is OutreachStatus.ToContact or OutreachStatus.Contacted).ToList();
        }
        var cards = (await deskResidents.FindAsync(signals.SelectMany(s => s.ResidentIds).Distinct().ToList(), cancellationToken))
            .Where(r => r.SiteId == site).ToDictionary(r => r.Id);
        var rows = signals
            .Select(s => new ToProposeRow(s.Signal, s.ResidentIds.Where(cards.ContainsKey).Select(r => cards[r]).ToList()))
            .Where(r => r.Residents.Count > 0)
            .OrderBy(r => r.Signal.Status).ThenByDescending(r => r.Signal.MonthlyAmount).ThenBy(r => r.Residents[0].LastName, StringComparer.Ordinal)
            .ToList();
        Rows = rows.ToPagedList(PageNumber);
        return Page();
    }
}
