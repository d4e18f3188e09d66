using CarteBlanche.Mobility.Needs;

namespace CarteBlanche.Mobility.Pages.Mobilite.Besoins;

/// <summary>A need in the list; <paramref name="Online"/> when the person asked on the public page.</summary>
public sealed record NeedRow(Guid Id, string Person, string From, string Destination, DateOnly Day, TimeOnly Time, NeedStatus Status, bool Online);

/// <summary>The travel needs a helper recorded (all of them for the carpool operator), the open ones first, by day.</summary>
[Authorize(Policy = Policies.Mobility)]
public sealed class IndexModel(CarteBlancheDbContext db, MobilityAccess access) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<NeedRow> Needs { get; private set; } = [];
    public bool IsOperator { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsOperator = await access.IsOperatorAsync(User, cancellationToken);
        var me = User.AccountId();
        var query = db.Set<TravelNeed>().AsNoTracking().Where(n => IsOperator || n.RecordedBy == me);
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var rows = await query.OrderBy(n => n.Status == NeedStatus.Open ? 0 : 1).ThenBy(n => n.Day).ThenBy(n => n.Time)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(n => new { n.Id, n.Person!.FirstName, n.Person.LastName, n.FromInseeCode, n.Destination, n.Day, n.Time, n.Status, Online = n.RecordedBy == null })
            .ToListAsync(cancellationToken);
        var codes = rows.Select(r => r.FromInseeCode).Distinct().ToList();
        var names = await db.Communes.Where(c => codes.Contains(c.InseeCode)).ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        Needs = rows.Select(r => new NeedRow(r.Id, $"{r.FirstName} {r.LastName}", names.GetValueOrDefault(r.FromInseeCode, r.FromInseeCode), r.Destination, r.Day, r.Time, r.Status, r.Online)).ToList();
    }
}
