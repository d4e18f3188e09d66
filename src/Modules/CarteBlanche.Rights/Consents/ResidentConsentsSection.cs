using CarteBlanche.Desk.Contracts;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Consents;

/// <summary>The resident page's « Consentements au partage de données » section: each consent with its status.</summary>
internal sealed class ResidentConsentsSection(CarteBlancheDbContext db, ParisClock clock) : IResidentSectionSource
{
    public async Task<CaseSection> ForResidentAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var consents = await db.Set<Consent>().AsNoTracking().Where(c => c.ResidentId == residentId).OrderByDescending(c => c.RecordedAt).ToListAsync(cancellationToken);
        var conventionIds = consents.Select(c => c.ConventionId).Distinct().ToList();
        var titles = await db.Set<Convention>().AsNoTracking().IgnoreAutoIncludes().Where(c => conventionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var operatorIds = consents.SelectMany(c => c.OperatorIds).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => operatorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName ?? o.Name, cancellationToken);
        var today = clock.Today;
        var items = consents.Select(c =>
        {
            var status = c.StatusOn(today);
            var detail = $"{string.Join(", ", c.Purposes.Select(Labels.Short))} — {string.Join(", ", c.OperatorIds.Select(o => names.GetValueOrDefault(o, "?")))} — "
                + (status == ConsentStatus.Withdrawn ? $"retiré le {FrenchFormat.DateTime(c.WithdrawnAt!.Value)}" : $"du {FrenchFormat.Date(c.GivenOn)} au {FrenchFormat.Date(c.ExpiresOn)}");
            return new CaseActivity($"{c.Reference} — {titles.GetValueOrDefault(c.ConventionId, "")}", Labels.Of(status), detail, ConsentPaths.Consent(c.Id), false);
        }).ToList();
        return new CaseSection("Consentements au partage de données", items, "Recueillir un consentement", ConsentPaths.NewConsent(residentId),
            "Aucun consentement : aucune donnée des organismes n'est montrée au guichet pour cet usager.");
    }
}

/// <summary>Deletes what this module keeps about residents the desk deletes (same transaction).</summary>
internal sealed class ConsentDataWipe(CarteBlancheDbContext db) : IResidentPersonalDataWipe
{
    public async Task WipeAsync(IReadOnlyCollection<Guid> residentIds, CancellationToken cancellationToken)
    {
        await db.Set<ResidentLink>().Where(l => residentIds.Contains(l.ResidentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Consent>().Where(c => residentIds.Contains(c.ResidentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Campaigns.ResidentMatch>().Where(m => residentIds.Contains(m.ResidentId)).ExecuteDeleteAsync(cancellationToken);
    }
}

public static class ConsentPaths
{
    public static string Consent(Guid id) => $"/droits/consentements/{id:D}";
    public static string NewConsent(Guid residentId) => $"/droits/consentements/nouveau/{residentId:D}";
    public static string PersonalLink(string token) => $"/mes-consentements/{token}";
}
