using System.Security.Claims;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Desk.Contracts;

internal sealed class DeskCases(CarteBlancheDbContext db, ResidentIdentifiers identifiers, TimeProvider timeProvider, FrenchBusinessCalendar calendar) : IDeskCases
{
    // The cases read in this scope (one request): the resident's identifiers are decrypted once, however many steps ask.
    private readonly Dictionary<Guid, DeskCase?> _found = [];

    public Task<bool> ExistsAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.Set<Case>().AnyAsync(c => c.Id == caseId, cancellationToken);

    public Task<Guid?> ResidentOfAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.Set<Case>().Where(c => c.Id == caseId).Select(c => c.ResidentId).SingleOrDefaultAsync(cancellationToken);

    public async Task<DeskCase?> FindAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (!_found.TryGetValue(caseId, out var found))
        {
            found = await ReadAsync(caseId, cancellationToken);
            _found[caseId] = found;
        }
        return found;
    }

    private async Task<DeskCase?> ReadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await db.Set<Case>().AsNoTracking().Include(c => c.Needs).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case == null)
        {
            return null;
        }
        var site = await db.Places.Where(p => p.Id == @case.SiteId).Select(p => new { p.Name, p.CommuneInseeCode }).SingleAsync(cancellationToken);
        var resident = @case.ResidentId == null ? null : await db.Set<Resident>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == @case.ResidentId, cancellationToken);
        return new DeskCase(
            @case.Id,
            @case.Reference,
            @case.SiteId,
            site.Name,
            site.CommuneInseeCode,
            @case.OwnerId,
            @case.OpenedAt,
            @case.IsOpen,
            @case.Needs.OrderBy(n => n.Domain).ThenBy(n => n.Description, StringComparer.Ordinal).Select(n => new DeskNeed(n.Id, n.Domain.ToString(), Labels.Of(n.Domain), n.Description)).ToList(),
            resident == null ? null : new DeskResident(
                resident.FirstName,
                resident.LastName,
                resident.BirthName,
                resident.BirthDate,
                resident.Phone,
                resident.Email,
                resident.PostalAddress,
                identifiers.Unprotect(resident.NirEncrypted),
                identifiers.Unprotect(resident.CafNumberEncrypted),
                identifiers.Unprotect(resident.FranceTravailIdEncrypted)));
    }

    public async Task<DeskWorkload> WorkloadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var siteId = DeskAccess.SiteOf(user);
        var me = DeskAccess.ActorOf(user);
        var today = DateOnly.FromDateTime(calendar.ToLocalTime(timeProvider.GetUtcNow()));
        var open = await db.Set<Case>()
            .Where(c => c.SiteId == siteId && c.OwnerId == me && c.State != CaseState.Closed && c.State != CaseState.AnswerReturned)
            .Select(c => new { c.State, c.PartnerAnsweredAt, c.DueDate })
            .ToListAsync(cancellationToken);
        return new DeskWorkload(
            open.Count(c => c.State is CaseState.New or CaseState.InProgress),
            open.Count(c => c.State == CaseState.WaitingForPartner && c.PartnerAnsweredAt != null),
            open.Count(c => c.State == CaseState.AnswerReady),
            open.Count(c => c.State == CaseState.WaitingForPartner && c.PartnerAnsweredAt == null),
            open.Count(c => c.DueDate < today));
    }

    public async Task<bool> CanFollowAsync(ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        if (!DeskAccess.IsDeskUser(user))
        {
            return false;
        }
        var siteId = await db.Set<Case>().Where(c => c.Id == caseId).Select(c => (Guid?)c.SiteId).SingleOrDefaultAsync(cancellationToken);
        if (siteId == null)
        {
            return false;
        }
        if (DeskAccess.CanSee(user, siteId.Value))
        {
            return true;
        }
        var me = DeskAccess.ActorOf(user);
        return await db.Set<CaseShare>().AnyAsync(s => s.CaseId == caseId && s.AccountId == me, cancellationToken);
    }

    public async Task StageAsync(Guid caseId, Guid actorId, string text, PartnerStep step, CancellationToken cancellationToken)
    {
        _found.Remove(caseId);
        var @case = await db.Set<Case>().SingleAsync(c => c.Id == caseId, cancellationToken);
        var changed = step switch
        {
            // A step that does not apply (the case moved on meanwhile) only leaves its timeline line.
            PartnerStep.Asked => AskedAgain(@case) | (@case.State is CaseState.New or CaseState.InProgress && @case.WaitForPartner() == null),
            PartnerStep.AnswerReceived => @case.MarkAnswerReady(ResolutionPath.WithPartner) == null,
            PartnerStep.PartnerAnswered => Answered(@case),
            _ => false,
        };
        if (changed)
        {
            @case.Version = Guid.NewGuid();
        }
        db.Add(new CaseEvent { CaseId = caseId, At = timeProvider.GetUtcNow(), ActorId = actorId, Text = text });
    }

    private static bool AskedAgain(Case @case)
    {
        var had = @case.PartnerAnsweredAt != null;
        @case.PartnerAnsweredAt = null;
        return had;
    }

    private bool Answered(Case @case)
    {
        if (@case.State != CaseState.WaitingForPartner)
        {
            return false;
        }
        @case.PartnerAnsweredAt = timeProvider.GetUtcNow();
        return true;
    }

    public async Task<IReadOnlyList<Guid>> CaseIdsOfSiteAsync(Guid siteId, DateTimeOffset openedSince, CancellationToken cancellationToken) =>
        await db.Set<Case>().Where(c => c.SiteId == siteId && c.OpenedAt >= openedSince).OrderBy(c => c.OpenedAt).Select(c => c.Id).ToListAsync(cancellationToken);

    public async Task<int> CountOpenedAtAsync(IReadOnlyCollection<Guid> placeIds, DateOnly date, CancellationToken cancellationToken)
    {
        var (start, end) = (calendar.FromLocalTime(date.ToDateTime(TimeOnly.MinValue)), calendar.FromLocalTime(date.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        return await db.Set<Case>().CountAsync(c => placeIds.Contains(c.PlaceId) && c.OpenedAt >= start && c.OpenedAt < end, cancellationToken);
    }
}
