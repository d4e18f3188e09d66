using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Pages.Droits;

public sealed record ConventionRow(Convention Convention, ConventionStatus Status, string Parties);

/// <summary>The data-sharing conventions: who shares what with whom, and which are in force.</summary>
[Authorize(Policy = Policies.Rights)]
public sealed class IndexModel(CarteBlancheDbContext db, ParisClock clock) : PageModel
{
    public IReadOnlyList<ConventionRow> Conventions { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool IsDesk { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsDesk = User.IsInRole(Roles.Agent) || User.IsInRole(Roles.SocialWorker);
        CanEdit = User.IsInRole(Roles.DataSteward) || User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);
        var conventions = await db.Set<Convention>().AsNoTracking().OrderByDescending(c => c.EndsOn).ThenBy(c => c.Title).ToListAsync(cancellationToken);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName ?? o.Name, cancellationToken);
        var today = clock.Today;
        Conventions = conventions.Select(c => new ConventionRow(c, c.StatusOn(today), string.Join(", ", c.Parties.Select(p => names.GetValueOrDefault(p.OrganisationId, "?"))))).ToList();
    }
}
