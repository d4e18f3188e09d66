
namespace CarteBlanche.Bus.Pages.Car;

public sealed record CrewDayRow(DateOnly Date, int Bus, IReadOnlyList<string> Communes, Guid? AgentId, Guid? SocialWorkerId, string Specialists);

/// <summary>The coordinator assigns the polyvalent agent and the social worker of each bus day; specialists come from the plan's permanences.</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class EquipageModel(CarteBlancheDbContext db, Timetable timetable) : PageModel
{
    public IReadOnlyList<CrewDayRow> Days { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Agents { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> SocialWorkers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(DateOnly date, int bus, Guid? agentId, Guid? socialWorkerId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!Days.Any(d => d.Date == date && d.Bus == bus))
        {
            ModelState.AddModelError("", "Ce jour n'a pas de passage publié dans les quatre prochaines semaines.");
            return Page();
        }
        if (agentId != null && Agents.All(a => a.Id != agentId))
        {
            ModelState.AddModelError("", "Choisissez un agent polyvalent actif.");
        }
        if (socialWorkerId != null && SocialWorkers.All(a => a.Id != socialWorkerId))
        {
            ModelState.AddModelError("", "Choisissez un travailleur social actif.");
        }
        var others = await db.Set<CrewAssignment>().Where(c => c.Date == date && c.Bus != bus).Select(c => c.AccountId).ToListAsync(cancellationToken);
        if ((agentId != null && others.Contains(agentId.Value)) || (socialWorkerId != null && others.Contains(socialWorkerId.Value)))
        {
            ModelState.AddModelError("", "Cette personne est déjà dans l'équipage d'un autre car ce jour-là.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await db.Set<CrewAssignment>().Where(c => c.Date == date && c.Bus == bus).ExecuteDeleteAsync(cancellationToken);
        if (agentId != null)
        {
            db.Add(new CrewAssignment { Date = date, Bus = bus, Role = CrewRole.PolyvalentAgent, AccountId = agentId.Value });
        }
        if (socialWorkerId != null)
        {
            db.Add(new CrewAssignment { Date = date, Bus = bus, Role = CrewRole.SocialWorker, AccountId = socialWorkerId.Value });
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Équipage du {date.ToString("dddd d MMMM", Platform.Web.FrenchFormat.Culture)} enregistré.";
        return Redirect("/car/equipage");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = timetable.Today;
        var until = today.AddDays(28);
        var passages = await db.Set<BusPassage>().AsNoTracking().Include(p => p.Stop).ThenInclude(s => s!.Commune)
            .Where(p => p.Date >= today && p.Date <= until && p.Status == PassageStatus.Scheduled).ToListAsync(cancellationToken);
        var crew = await db.Set<CrewAssignment>().AsNoTracking().Where(c => c.Date >= today && c.Date <= until).ToListAsync(cancellationToken);
        Days = passages.GroupBy(p => (p.Date, p.Bus)).OrderBy(g => g.Key.Date).ThenBy(g => g.Key.Bus)
            .Select(g => new CrewDayRow(g.Key.Date, g.Key.Bus, g.OrderBy(p => p.HalfDay).Select(p => p.Stop!.Commune!.Name).ToList(),
                crew.FirstOrDefault(c => c.Date == g.Key.Date && c.Bus == g.Key.Bus && c.Role == CrewRole.PolyvalentAgent)?.AccountId,
                crew.FirstOrDefault(c => c.Date == g.Key.Date && c.Bus == g.Key.Bus && c.Role == CrewRole.SocialWorker)?.AccountId,
                string.Join(", ", g.Select(p => p.Specialists).Where(s => s.Length > 0).Distinct())))
            .ToList();
        Agents = await InRoleAsync(Roles.Agent, cancellationToken);
        SocialWorkers = await InRoleAsync(Roles.SocialWorker, cancellationToken);
    }

    private async Task<IReadOnlyList<(Guid Id, string Name)>> InRoleAsync(string role, CancellationToken cancellationToken)
    {
        return (await db.ActiveInRoles(role).AsNoTracking()
            .OrderBy(u => u.SearchName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
