using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights.Campaigns;
using CarteBlanche.Rights.Conventions;
using BenefitsMonth = CarteBlanche.Benefits.Month;

namespace CarteBlanche.Rights.Pages.Droits.Campagnes;

public sealed record CampaignRow(Campaign Campaign, string Convention, int Signals);

/// <summary>Non-take-up campaigns: those run, and a form to run one on the operators' current data under a convention in force.</summary>
[Authorize(Policy = Policies.RightsStewards)]
public sealed class IndexModel(CarteBlancheDbContext db, ParisClock clock, CampaignRunner runner, CampaignQueue queue) : PageModel
{
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];
    public IReadOnlyList<Convention> InForce { get; private set; } = [];

    [BindProperty] public Guid ConventionId { get; set; }
    [BindProperty] public string Month { get; set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        Month = BenefitsMonth.Of(today.Year, today.Month).AddMonths(-1).ToString();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (InForce.All(c => c.Id != ConventionId))
        {
            ModelState.AddModelError(nameof(ConventionId), "Choisissez une convention en vigueur dont votre organisme est partie.");
        }
        var today = clock.Today;
        if (!BenefitsMonth.TryParse(Month?.Trim() ?? "", out var month))
        {
            ModelState.AddModelError(nameof(Month), "Indiquez le mois au format AAAA-MM, par exemple 2026-11.");
        }
        else if (month >= BenefitsMonth.Of(today.Year, today.Month) || month < BenefitsMonth.Of(2025, 3))
        {
            ModelState.AddModelError(nameof(Month), "Le mois doit être passé, et au plus tôt 2025-03 (ressources des mois M-4 à M-2, « solidarité à la source »).");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (campaign, refusal) = await runner.StartAsync(ConventionId, month, User.AccountId(), cancellationToken);
        if (campaign == null)
        {
            ModelState.AddModelError(nameof(ConventionId), refusal!);
            return Page();
        }
        queue.Enqueue(campaign.Id);
        return Redirect($"/droits/campagnes/{campaign.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var conventions = await db.Set<Convention>().AsNoTracking().ToListAsync(cancellationToken);
        var organisation = User.Organisation();
        var everyParty = User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);
        var mine = conventions.Where(c => everyParty || c.Parties.Any(p => p.OrganisationId == organisation)).ToList();
        InForce = mine.Where(c => c.StatusOn(today) == ConventionStatus.InForce).OrderBy(c => c.Title).ToList();
        var ids = mine.Select(c => c.Id).ToList();
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => ids.Contains(c.ConventionId)).OrderByDescending(c => c.StartedAt).Take(50).ToListAsync(cancellationToken);
        var campaignIds = campaigns.Select(c => c.Id).ToList();
        var counts = await db.Set<Signal>().Where(s => campaignIds.Contains(s.CampaignId) && s.Kind == SignalKind.NonTakeUp)
            .GroupBy(s => s.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Campaigns = campaigns.Select(c => new CampaignRow(c, mine.First(m => m.Id == c.ConventionId).Title, counts.GetValueOrDefault(c.Id))).ToList();
        if (ConventionId == Guid.Empty && InForce.Count > 0)
        {
            ConventionId = InForce[0].Id;
        }
    }
}
