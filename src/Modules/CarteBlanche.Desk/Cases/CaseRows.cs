using CarteBlanche.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Desk.Cases;

public sealed record CaseRow(Guid Id, string Reference, Guid ResidentId, string ResidentName, CaseState State, DateOnly DueDate,
    IReadOnlyList<NeedDomain> Domains, string OwnerName, DateTimeOffset OpenedAt, bool HasPartnerAnswer = false)
{
    public bool IsOverdue(DateOnly today) => State is not (CaseState.AnswerReturned or CaseState.Closed) && DueDate < today;
}

/// <summary>Case lists for the desk's pages, with the resident's name and the owner's (wiped cases, without a resident, are not listed).</summary>
public static class CaseRows
{
    public static async Task<List<CaseRow>> ListAsync(CarteBlancheDbContext db, IQueryable<Case> cases, CancellationToken cancellationToken, int take = 200)
    {
        var rows = await (from c in cases
                          join r in db.Set<Residents.Resident>() on c.ResidentId equals (Guid?)r.Id
                          join u in db.Users on c.OwnerId equals u.Id
                          orderby c.DueDate, c.OpenedAt
                          select new { c.Id, ResidentId = r.Id, Resident = r.FirstName + " " + r.LastName, c.State, c.DueDate, Owner = u.DisplayName, c.OpenedAt, c.PartnerAnsweredAt })
            .Take(take).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var domains = await db.Set<Need>().Where(n => ids.Contains(n.CaseId)).Select(n => new { n.CaseId, n.Domain }).ToListAsync(cancellationToken);
        return rows.Select(r => new CaseRow(r.Id, "D-" + r.Id.ToString("N")[..8].ToUpperInvariant(), r.ResidentId, r.Resident, r.State, r.DueDate,
            domains.Where(d => d.CaseId == r.Id).Select(d => d.Domain).Distinct().ToList(), r.Owner, r.OpenedAt,
            r.State == CaseState.WaitingForPartner && r.PartnerAnsweredAt != null)).ToList();
    }
}
