using System.Globalization;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Trainings;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Desk.Pages.Formations;

public sealed record AgentDomains(Guid Id, string Name, string? Site, IReadOnlyList<NeedDomain> Domains, decimal Hours);

/// <summary>
/// Agents' trainings: each agent's domains (agents see their site; coordinators see every site and the
/// coverage of each site by domain, and record trainings).
/// </summary>
[Authorize(Policy = Policies.TerritoryReaders)]
public sealed class IndexModel(CarteBlancheDbContext db, IAuditLog auditLog) : PageModel
{
    public sealed class TrainingForm
    {
        public Guid? AccountId { get; set; }
        public Guid? TrainerOrganisationId { get; set; }
        public NeedDomain? Domain { get; set; }
        public string? Hours { get; set; }
        public string? On { get; set; }
    }

    [BindProperty] public TrainingForm Input { get; set; } = new();

    public bool CanEdit => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);
    public IReadOnlyList<AgentDomains> Agents { get; private set; } = [];
    public IReadOnlyList<(string Site, IReadOnlyDictionary<NeedDomain, int> Trained, int AgentCount)> Coverage { get; private set; } = [];
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        if (Input.AccountId == null || !Agents.Any(a => a.Id == Input.AccountId))
        {
            ModelState.AddModelError("Input.AccountId", "Choisissez l'agent formé.");
        }
        if (Input.TrainerOrganisationId == null || !Organisations.Any(o => o.Id == Input.TrainerOrganisationId))
        {
            ModelState.AddModelError("Input.TrainerOrganisationId", "Choisissez l'organisme formateur.");
        }
        if (Input.Domain == null)
        {
            ModelState.AddModelError("Input.Domain", "Choisissez le domaine de la formation.");
        }
        if (!decimal.TryParse((Input.Hours ?? "").Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var hours) || hours <= 0 || hours > 500)
        {
            ModelState.AddModelError("Input.Hours", "La durée est un nombre d'heures entre 0,5 et 500 (par exemple 7 ou 3,5).");
        }
        if (!DateOnly.TryParseExact(Input.On ?? "", ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            ModelState.AddModelError("Input.On", "Saisissez la date de la formation (jj/mm/aaaa).");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var training = new AgentTraining { AccountId = Input.AccountId!.Value, TrainerOrganisationId = Input.TrainerOrganisationId!.Value, Domain = Input.Domain!.Value, Hours = hours, On = on };
        db.Add(training);
        auditLog.Add(db, new AuditEvent("account.training-add", "Account", training.AccountId.ToString("D")));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Formation enregistrée.";
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var siteId = Cases.DeskAccess.SiteOf(User);
        var agents = db.ActiveInRoles(Roles.Agent, Roles.SocialWorker);
        if (!CanEdit)
        {
            agents = agents.Where(u => u.SiteId == siteId);
        }
        var list = await agents.OrderBy(u => u.SearchName)
            .Select(u => new { u.Id, u.DisplayName, Site = db.Places.Where(p => p.Id == u.SiteId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var ids = list.Select(a => a.Id).ToList();
        var trainings = await db.Set<AgentTraining>().Where(t => ids.Contains(t.AccountId)).ToListAsync(cancellationToken);
        Agents = list.Select(a => new AgentDomains(a.Id, a.DisplayName, a.Site,
            trainings.Where(t => t.AccountId == a.Id).Select(t => t.Domain).Distinct().Order().ToList(),
            trainings.Where(t => t.AccountId == a.Id).Sum(t => t.Hours))).ToList();
        Coverage = Agents.Where(a => a.Site != null).GroupBy(a => a.Site!).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyDictionary<NeedDomain, int>)Enum.GetValues<NeedDomain>().ToDictionary(d => d, d => g.Count(a => a.Domains.Contains(d))), g.Count()))
            .ToList();
        Organisations = await db.Organisations.Where(o => o.IsActive).OrderBy(o => o.SearchName).ToListAsync(cancellationToken);
    }
}
