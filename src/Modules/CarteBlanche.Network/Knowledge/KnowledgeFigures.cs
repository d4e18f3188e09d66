using CarteBlanche.Desk.Contracts;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Network.Knowledge;

/// <summary>One month of the knowledge base: cards proposed and validated, cards opened from cases, questions avoided.</summary>
public sealed record KnowledgeMonth(YearMonth Month, int Proposed, int Validated, int Uses, int CasesHelped, int QuestionsAvoided);

/// <summary>
/// The knowledge base's figures, month by month: cards proposed and validated, opened from a case, and questions
/// avoided — a case where a card was opened and that was closed without any question to a partner after it. A case
/// counts in the month of its first card opening. No person is named.
/// </summary>
public sealed class KnowledgeFigures(CarteBlancheDbContext db, IDeskCases cases)
{
    public async Task<IReadOnlyList<KnowledgeMonth>> ComputeAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(from.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var cards = await db.Set<KnowledgeCard>().AsNoTracking().Select(c => new { c.ProposedAt, c.ValidatedAt }).ToListAsync(cancellationToken);
        var uses = await db.Set<KnowledgeCardUse>().AsNoTracking().Where(u => u.At >= since).Select(u => new { u.CaseId, u.At }).ToListAsync(cancellationToken);
        // A case's first opening over all time (not from the period's start): a month's figure does not depend on the period chosen.
        var caseIds = uses.Select(u => u.CaseId).Distinct().ToList();
        var firstUse = (await db.Set<KnowledgeCardUse>().AsNoTracking().Where(u => caseIds.Contains(u.CaseId))
            .GroupBy(u => u.CaseId).Select(g => new { g.Key, First = g.Min(u => u.At) }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.First);
        var lastQuestion = await db.Set<PartnerQuestion>().AsNoTracking().Where(q => firstUse.Keys.Contains(q.CaseId))
            .GroupBy(q => q.CaseId).Select(g => new { g.Key, Last = g.Max(q => q.SentAt) }).ToListAsync(cancellationToken);
        var questionAt = lastQuestion.ToDictionary(q => q.Key, q => q.Last);
        var avoided = new HashSet<Guid>();
        foreach (var (caseId, first) in firstUse)
        {
            var deskCase = await cases.FindAsync(caseId, cancellationToken);
            if (deskCase is { IsOpen: false } && !(questionAt.TryGetValue(caseId, out var asked) && asked >= first))
            {
                avoided.Add(caseId);
            }
        }
        return YearMonth.Range(from, to).Select(month =>
        {
            bool In(DateTimeOffset at) => month.Contains(ParisClock.DayOf(at));
            var helped = firstUse.Where(f => In(f.Value)).Select(f => f.Key).ToList();
            return new KnowledgeMonth(month, cards.Count(c => In(c.ProposedAt)), cards.Count(c => c.ValidatedAt is { } v && In(v)),
                uses.Count(u => In(u.At)), helped.Count, helped.Count(avoided.Contains));
        }).ToList();
    }
}
