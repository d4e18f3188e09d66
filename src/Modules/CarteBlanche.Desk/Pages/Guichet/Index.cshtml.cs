using CarteBlanche.Desk.Cases;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Desk.Pages.Guichet;

/// <summary>The agent's home: my open cases by urgency (overdue first), waiting for a partner, answers to give back; or the whole site.</summary>
public sealed class IndexModel(CarteBlancheDbContext db, IAuditLog auditLog, TimeProvider timeProvider) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Vue { get; set; }

    public bool SiteView => Vue == "site";
    public DateOnly Today { get; private set; }
    public string? SiteName { get; private set; }
    public IReadOnlyList<CaseRow> Urgent { get; private set; } = [];
    public IReadOnlyList<CaseRow> Waiting { get; private set; } = [];
    public IReadOnlyList<CaseRow> ToGiveBack { get; private set; } = [];
    public IReadOnlyList<CaseRow> SharedWithMe { get; private set; } = [];
    public int SatisfactionAnswers { get; private set; }
    public double? SatisfactionAverage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var siteId = DeskAccess.SiteOf(User);
        var me = DeskAccess.ActorOf(User);
        SiteName = siteId == null ? null : await db.Places.Where(p => p.Id == siteId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        var open = db.Set<Case>().Where(c => c.SiteId == siteId && c.State != CaseState.Closed && c.State != CaseState.AnswerReturned);
        if (!SiteView)
        {
            open = open.Where(c => c.OwnerId == me);
        }
        // A partner's answer is work for the agent: those cases come first among the cases to handle.
        var waiting = await CaseRows.ListAsync(db, open.Where(c => c.State == CaseState.WaitingForPartner), cancellationToken);
        var toHandle = await CaseRows.ListAsync(db, open.Where(c => c.State == CaseState.New || c.State == CaseState.InProgress), cancellationToken);
        Urgent = [.. waiting.Where(c => c.HasPartnerAnswer), .. toHandle];
        Waiting = waiting.Where(c => !c.HasPartnerAnswer).ToList();
        ToGiveBack = await CaseRows.ListAsync(db, open.Where(c => c.State == CaseState.AnswerReady), cancellationToken);
        SharedWithMe = await CaseRows.ListAsync(db, db.Set<Case>().Where(c => c.State != CaseState.Closed && db.Set<CaseShare>().Any(s => s.CaseId == c.Id && s.AccountId == me)), cancellationToken);
        // The site's satisfaction over the last 90 days (anonymous scores only).
        var since = timeProvider.GetUtcNow().AddDays(-90);
        var scores = await db.Set<Desk.Satisfaction.SatisfactionSurvey>()
            .Where(s => s.SiteId == siteId && s.AnsweredAt != null && s.AnsweredAt >= since).Select(s => s.Score!.Value).ToListAsync(cancellationToken);
        SatisfactionAnswers = scores.Count;
        SatisfactionAverage = scores.Count == 0 ? null : scores.Average();
        // The lists name residents: the reading is journaled (the site and which view; no names).
        await auditLog.RecordAsync(new AuditEvent("case.list", siteId == null ? null : "Place", siteId?.ToString("D"),
            SiteView ? AuditPurpose.SiteDeskList : AuditPurpose.DeskList), cancellationToken);
    }
}
