using CarteBlanche.Desk.Contracts;
using CarteBlanche.Network.Knowledge;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Network.Pages.Reseau.Fiches;

/// <summary>One month of the knowledge base: cards proposed and validated, cards opened from cases, questions avoided.</summary>
public sealed record KnowledgeMonth(DateOnly Month, int Proposed, int Validated, int Uses, int CasesHelped, int QuestionsAvoided);

/// <summary>
/// The knowledge base's figures, month by month (12 months): cards proposed and validated, opened from a case, and
/// questions avoided — a case where a card was opened and that was closed without any question to a partner after
/// it. No person is named.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class ChiffresModel(CarteBlancheDbContext db, IDeskCases cases, ParisClock clock) : PageModel
{
    public IReadOnlyList<KnowledgeMonth> Months { get; private set; } = [];
    public int ValidatedCards { get; private set; }
    public int OutdatedCards { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var cards = await db.Set<KnowledgeCard>().AsNoTracking().Select(c => new { c.ProposedAt, c.ValidatedAt, c.Status, c.ReviewOn }).ToListAsync(cancellationToken);
        ValidatedCards = cards.Count(c => c.Status == CardStatus.Validated);
        OutdatedCards = cards.Count(c => c.Status == CardStatus.Validated && c.ReviewOn < today);
        var uses = await db.Set<KnowledgeCardUse>().AsNoTracking().Where(u => u.At >= since).Select(u => new { u.CaseId, u.At }).ToListAsync(cancellationToken);
        var caseIds = uses.Select(u => u.CaseId).Distinct().ToList();
        var lastQuestion = await db.Set<PartnerQuestion>().AsNoTracking().Where(q => caseIds.Contains(q.CaseId))
            .GroupBy(q => q.CaseId).Select(g => new { g.Key, Last = g.Max(q => q.SentAt) }).ToListAsync(cancellationToken);
        var questionAt = lastQuestion.ToDictionary(q => q.Key, q => q.Last);
        // A case helped: its first card opening; avoided when the case is closed and no question was sent after it.
        var avoided = new HashSet<Guid>();
        foreach (var caseId in caseIds)
        {
            var firstUse = uses.Where(u => u.CaseId == caseId).Min(u => u.At);
            var deskCase = await cases.FindAsync(caseId, cancellationToken);
            if (deskCase is { IsOpen: false } && !(questionAt.TryGetValue(caseId, out var asked) && asked >= firstUse))
            {
                avoided.Add(caseId);
            }
        }
        Months = Enumerable.Range(0, 12).Select(i => first.AddMonths(i)).Select(month =>
        {
            bool In(DateTimeOffset at) => ParisClock.DayOf(at) is var d && d.Year == month.Year && d.Month == month.Month;
            var monthUses = uses.Where(u => In(u.At)).ToList();
            var helped = monthUses.Select(u => u.CaseId).Distinct().Where(c => In(uses.Where(u => u.CaseId == c).Min(u => u.At))).ToList();
            return new KnowledgeMonth(month, cards.Count(c => In(c.ProposedAt)), cards.Count(c => c.ValidatedAt is { } v && In(v)), monthUses.Count, helped.Count,
                helped.Count(avoided.Contains));
        }).ToList();
    }
}
