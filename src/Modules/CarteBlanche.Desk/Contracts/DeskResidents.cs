using System.Security.Claims;
using CarteBlanche.Desk.Residents;

namespace CarteBlanche.Desk.Contracts;

internal sealed class DeskResidents(CarteBlancheDbContext db, ResidentAccess access) : IDeskResidents
{
    public async Task<DeskResidentCard?> FindVisibleAsync(ClaimsPrincipal user, Guid residentId, CancellationToken cancellationToken)
    {
        var (resident, denied) = await access.OpenAsync(user, residentId, cancellationToken);
        return denied != null || resident == null ? null : Card(resident);
    }

    public Task<bool> ExistsAsync(Guid residentId, CancellationToken cancellationToken) =>
        db.Set<Resident>().AnyAsync(r => r.Id == residentId, cancellationToken);

    public async Task<IReadOnlyList<DeskResidentCard>> FindAsync(IReadOnlyCollection<Guid> residentIds, CancellationToken cancellationToken)
    {
        var residents = await db.Set<Resident>().AsNoTracking().Where(r => residentIds.Contains(r.Id)).ToListAsync(cancellationToken);
        return residents.Select(Card).ToList();
    }

    private static DeskResidentCard Card(Resident r) => new(r.Id, r.FirstName, r.LastName, r.BirthName, r.BirthDate, r.CommuneInseeCode, r.SiteId);
}
