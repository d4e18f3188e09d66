using CarteBlanche.Employers.Firms;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs;

public sealed record InterviewRow(Guid OfferId, Guid CandidateId, DateTime At, string Candidate, string Offer, string Firm);

public sealed record FirmRow(Guid Id, string Name, string Siret, string? Commune, int Headcount, EnrolmentStage Stage);

/// <summary>The firms of the HR service centre the user follows (all for coordinators), searchable by name or SIRET; a firm owner goes straight to their firm.</summary>
[Authorize(Policy = Policies.Employers)]
public sealed class IndexModel(CarteBlancheDbContext db, EmployersAccess access, Platform.Calendar.ParisClock clock) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<FirmRow> Firms { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanEnrol => User.IsInRole(Roles.HrExpert) || EmployersAccess.SeesAllFirms(User);

    /// <summary>The recruitment interviews of the next 30 days in the firms the user keeps: their calendar.</summary>
    public IReadOnlyList<InterviewRow> Interviews { get; private set; } = [];

    public PaginationModel Pagination => new(PageNumber, (Total + PageSize - 1) / PageSize, page => $"/employeurs?q={Uri.EscapeDataString(Search ?? "")}&p={page}");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var visible = access.VisibleFirms(User).AsNoTracking();
        if (User.IsInRole(Roles.FirmOwner) && !User.IsInRole(Roles.HrExpert) && !EmployersAccess.SeesAllFirms(User))
        {
            var own = await visible.Select(f => (Guid?)f.Id).FirstOrDefaultAsync(cancellationToken);
            return own is { } id ? Redirect($"/employeurs/{id}") : Page();
        }
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var text = Search.Trim();
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            visible = digits.Length >= 3 && digits.Length == text.Count(c => !char.IsWhiteSpace(c))
                ? visible.Where(f => f.Siret.StartsWith(digits))
                : visible.Where(f => EF.Functions.Like(f.Name, $"%{text.Replace("%", "").Replace("_", "")}%"));
        }
        Total = await visible.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var rows = await visible.OrderBy(f => f.Name).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(f => new { f.Id, f.Name, f.Siret, f.CommuneInseeCode, f.Headcount, f.Stage, f.OperationFrom }).ToListAsync(cancellationToken);
        var codes = rows.Where(r => r.CommuneInseeCode != null).Select(r => r.CommuneInseeCode!).Distinct().ToList();
        var communes = await db.Communes.Where(c => codes.Contains(c.InseeCode)).ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        var today = clock.Today;
        if (CanEnrol)
        {
            var until = today.AddDays(30);
            Interviews = (await access.EditableFirms(User)
                    .Join(db.Set<Recruitment.Candidate>().Where(c => c.Status == Recruitment.CandidateStatus.Interview && c.InterviewDate >= today && c.InterviewDate <= until),
                        f => f.Id, c => c.FirmId, (f, c) => new { Firm = f.Name, c.Id, c.OfferId, c.FirstName, c.LastName, c.InterviewDate, c.InterviewTime })
                    .Join(db.Set<Recruitment.JobOffer>(), x => x.OfferId, o => o.Id, (x, o) => new { x.Firm, x.Id, x.OfferId, x.FirstName, x.LastName, x.InterviewDate, x.InterviewTime, o.Title })
                    .ToListAsync(cancellationToken))
                .Select(x => new InterviewRow(x.OfferId, x.Id, x.InterviewDate!.Value.ToDateTime(x.InterviewTime ?? TimeOnly.MinValue), Reminders.HrDeadlines.Short(x.FirstName, x.LastName), x.Title, x.Firm))
                .OrderBy(x => x.At).ToList();
        }
        Firms = rows.Select(r => new FirmRow(r.Id, r.Name, r.Siret, r.CommuneInseeCode is { } c ? communes.GetValueOrDefault(c) : null, r.Headcount,
            r.Stage == EnrolmentStage.Left ? EnrolmentStage.Left : today >= r.OperationFrom ? EnrolmentStage.Operation : EnrolmentStage.Preparation)).ToList();
        return Page();
    }
}
