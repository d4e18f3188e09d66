using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Campaigns;

namespace CarteBlanche.Rights.Pages.Droits.Campagnes;

/// <summary>
/// A campaign's signals for the data steward's own organisation (the competent operator): households by number, no
/// name in the list; filters by benefit, certainty and outreach status; 25 a page.
/// </summary>
[Authorize(Policy = Policies.Rights)]
public sealed class SignalementsModel(CarteBlancheDbContext db, CarteBlanche.Platform.Calendar.ParisClock clock) : PageModel
{
    public Campaign Campaign { get; private set; } = default!;
    public PagedList<Signal> Signals { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyDictionary<string, string> Communes { get; private set; } = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true, Name = "prestation")] public string? Benefit { get; set; }
    [BindProperty(SupportsGet = true, Name = "certitude")] public Certainty? Certainty { get; set; }
    [BindProperty(SupportsGet = true, Name = "suivi")] public OutreachStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public string UrlFor(int page) => $"?prestation={Benefit}&certitude={Certainty}&suivi={Status}&p={page}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // Linked data is for the data stewards of the operators: each sees the signals their organisation must act on.
        if (!User.IsInRole(Roles.DataSteward))
        {
            return Forbid();
        }
        var campaign = await db.Set<Campaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CampaignStatus.Succeeded, cancellationToken);
        if (campaign == null)
        {
            return NotFound();
        }
        Campaign = campaign;
        var organisation = User.Organisation();
        var opposed = await CampaignConsents.OpposedAsync(db, campaign.ConventionId, clock.Today, cancellationToken);
        var query = db.Set<Signal>().AsNoTracking().Where(s => s.CampaignId == id && s.OperatorId == organisation).Visible(db, opposed);
        if (Benefit is "rsa" or "ppa" or "css")
        {
            query = query.Where(s => s.Benefit == Benefit);
        }
        if (Certainty != null)
        {
            query = query.Where(s => s.Certainty == Certainty);
        }
        if (Status != null)
        {
            query = query.Where(s => s.Status == Status);
        }
        Signals = await query.OrderBy(s => s.Kind).ThenBy(s => s.Household).ThenBy(s => s.Benefit).ToPagedListAsync(PageNumber, cancellationToken);
        var codes = Signals.Items.Select(s => s.Commune).Distinct().ToList();
        Communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.InseeCode)).ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        return Page();
    }
}
