using CarteBlanche.Desk.Cases;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Desk.Pages.Guichet;

/// <summary>The agent's home: my open cases by urgency (overdue first), waiting for a partner, answers to give back; or the whole site.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class IndexModel(CarteBlancheDbContext db, IAuditLog auditLog, ParisClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Vue { get; set; }

    public bool SiteView => Vue == "site";
    public DateOnly Today { get; private set; }
    public string? SiteName { get; private set; }
    public PagedList<CaseRow> Urgent { get; private set; } = new([], 1, 1, 0);
    public PagedList<CaseRow> Waiting { get; private set; } = new([], 1, 1, 0);
    public PagedList<CaseRow> ToGiveBack { get; private set; } = new([], 1, 1, 0);
    public PagedList<CaseRow> SharedWithMe { get; private set; } = new([], 1, 1, 0);
    public int Overdue { get; private set; }
    // One page number per list, so that paging one list keeps the others where they were.
    [BindProperty(SupportsGet = true, Name = "traiter")] public int UrgentPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "rendre")] public int ToGiveBackPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "partagees")] public int SharedPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "attente")] public int WaitingPage { get; set; } = 1;
    public int SatisfactionAnswers { get; private set; }
    public double? SatisfactionAverage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today;
        var siteId = DeskAccess.SiteOf(User);
        var me = DeskAccess.ActorOf(User);
        SiteName = siteId == null ? null : await db.Places.Where(p => p.Id == siteId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        var open = db.Set<Case>().Where(c => c.SiteId == siteId && c.State != CaseState.Closed && c.State != CaseState.AnswerReturned);
        if (!SiteView)
        {
            open = open.Where(c => c.OwnerId == me);
        }
        // A partner's answer is work for the agent: those cases come first among the cases to handle.
        Urgent = await CaseRows.PageAsync(db, open.Where(c => c.State == CaseState.New || c.State == CaseState.InProgress || (c.State == CaseState.WaitingForPartner && c.PartnerAnsweredAt != null)),
            UrgentPage, cancellationToken, partnerAnswerFirst: true);
        ToGiveBack = await CaseRows.PageAsync(db, open.Where(c => c.State == CaseState.AnswerReady), ToGiveBackPage, cancellationToken);
        SharedWithMe = await CaseRows.PageAsync(db, db.Set<Case>().Where(c => c.State != CaseState.Closed && db.Set<CaseShare>().Any(s => s.CaseId == c.Id && s.AccountId == me)), SharedPage, cancellationToken);
        Waiting = await CaseRows.PageAsync(db, open.Where(c => c.State == CaseState.WaitingForPartner && c.PartnerAnsweredAt == null), WaitingPage, cancellationToken);
        Overdue = await open.CountAsync(c => c.ResidentId != null && c.DueDate < Today, cancellationToken);
        // The site's satisfaction over the last 90 days (anonymous scores only).
        var since = clock.Now.AddDays(-90);
        var scores = await db.Set<Desk.Satisfaction.SatisfactionSurvey>()
            .Where(s => s.SiteId == siteId && s.AnsweredAt != null && s.AnsweredAt >= since).Select(s => s.Score!.Value).ToListAsync(cancellationToken);
        SatisfactionAnswers = scores.Count;
        SatisfactionAverage = scores.Count == 0 ? null : scores.Average();
        // The lists name residents: the reading is journaled (the site and which view; no names).
        await auditLog.RecordAsync(new AuditEvent("case.list", siteId == null ? null : "Place", siteId?.ToString("D"),
            SiteView ? AuditPurpose.SiteDeskList : AuditPurpose.DeskList), cancellationToken);
    }

    /// <summary>The guichet with one list moved to <paramref name="page"/>, the other lists where they are.</summary>
    public string UrlFor(string list, int page) => Url.Page("Index", new
    {
        vue = Vue,
        traiter = list == "traiter" ? page : UrgentPage,
        rendre = list == "rendre" ? page : ToGiveBackPage,
        partagees = list == "partagees" ? page : SharedPage,
        attente = list == "attente" ? page : WaitingPage,
    })!;

}
