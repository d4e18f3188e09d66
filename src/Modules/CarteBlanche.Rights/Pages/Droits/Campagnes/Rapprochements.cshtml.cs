using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Campaigns;

namespace CarteBlanche.Rights.Pages.Droits.Campagnes;

/// <summary>
/// The links a campaign was unsure of, for the data stewards of the two operators concerned: pending first, 25 a page,
/// no name in the list. Each opens both records side by side.
/// </summary>
[Authorize(Policy = Policies.RightsStewards)]
public sealed class RapprochementsModel(CarteBlancheDbContext db) : PageModel
{
    public Campaign Campaign { get; private set; } = default!;
    public PagedList<LinkReview> Reviews { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyDictionary<Guid, string> Operators { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Shows the decided ones too.</summary>
    [BindProperty(SupportsGet = true, Name = "tous")] public bool All { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public string UrlFor(int page) => $"?tous={All}&p={page}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.DataSteward) || User.Organisation() is not { } organisation)
        {
            return Forbid();
        }
        var campaign = await db.Set<Campaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CampaignStatus.Succeeded, cancellationToken);
        if (campaign == null)
        {
            return NotFound();
        }
        Campaign = campaign;
        var query = db.Set<LinkReview>().AsNoTracking().Where(r => r.CampaignId == id && (r.LeftOperatorId == organisation || r.RightOperatorId == organisation));
        if (!All)
        {
            query = query.Where(r => r.Decision == ReviewDecision.Pending);
        }
        Reviews = await query.OrderBy(r => r.Decision).ThenByDescending(r => r.Weight).ThenBy(r => r.Id).ToPagedListAsync(PageNumber, cancellationToken);
        Operators = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName ?? o.Name, cancellationToken);
        return Page();
    }
}
