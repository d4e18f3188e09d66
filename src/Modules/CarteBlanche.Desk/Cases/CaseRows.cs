using CarteBlanche.Platform.Web;

namespace CarteBlanche.Desk.Cases;

public sealed record CaseRow(Guid Id, string Reference, Guid ResidentId, string ResidentName, CaseState State, DateOnly DueDate,
    IReadOnlyList<NeedDomain> Domains, string OwnerName, DateTimeOffset OpenedAt, bool HasPartnerAnswer = false)
{
    public bool IsOverdue(DateOnly today) => State is not (CaseState.AnswerReturned or CaseState.Closed) && DueDate < today;
}

/// <summary>What the _CaseTable partial shows: one page of a case list, and how to reach the others.</summary>
public sealed record CaseTable(string Caption, PagedList<CaseRow> Rows, DateOnly Today, Func<int, string> UrlForPage);

/// <summary>Case lists for the desk's pages, a page at a time, with the resident's name and the owner's (wiped cases, without a resident, are not listed).</summary>
public static class CaseRows
{
    /// <summary>
    /// One page of the cases, the earliest due first; with <paramref name="partnerAnswerFirst"/>, the
    /// cases whose partner has answered come before the others (the agent has something to act on).
    /// </summary>
    public static async Task<PagedList<CaseRow>> PageAsync(CarteBlancheDbContext db, IQueryable<Case> cases, int page, CancellationToken cancellationToken, bool partnerAnswerFirst = false)
    {
        var query = from c in cases
                    join r in db.Set<Residents.Resident>() on c.ResidentId equals (Guid?)r.Id
                    join u in db.Users on c.OwnerId equals u.Id
                    select new { c.Id, ResidentId = r.Id, Resident = r.FirstName + " " + r.LastName, c.State, c.DueDate, Owner = u.DisplayName, c.OpenedAt, c.PartnerAnsweredAt,
                                 Answered = c.State == CaseState.WaitingForPartner && c.PartnerAnsweredAt != null ? 0 : 1 };
        var ordered = partnerAnswerFirst
            ? query.OrderBy(c => c.Answered).ThenBy(c => c.DueDate).ThenBy(c => c.OpenedAt).ThenBy(c => c.Id)
            : query.OrderBy(c => c.DueDate).ThenBy(c => c.OpenedAt).ThenBy(c => c.Id);
        var rows = await ordered.ToPagedListAsync(page, cancellationToken);
        var ids = rows.Items.Select(r => r.Id).ToList();
        var domains = await db.Set<Need>().Where(n => ids.Contains(n.CaseId)).Select(n => new { n.CaseId, n.Domain }).ToListAsync(cancellationToken);
        var items = rows.Items.Select(r => new CaseRow(r.Id, "D-" + r.Id.ToString("N")[..8].ToUpperInvariant(), r.ResidentId, r.Resident, r.State, r.DueDate,
            domains.Where(d => d.CaseId == r.Id).Select(d => d.Domain).Distinct().ToList(), r.Owner, r.OpenedAt,
            r.State == CaseState.WaitingForPartner && r.PartnerAnsweredAt != null)).ToList();
        return new PagedList<CaseRow>(items, rows.Page, rows.PageCount, rows.TotalCount);
    }
}
