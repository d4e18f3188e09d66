using System.Globalization;
using CarteBlanche.Desk.Contracts;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Consents;
using CarteBlanche.Rights.Conventions;
using CarteBlanche.Rights.Exchange;

namespace CarteBlanche.Rights.Campaigns;

/// <summary>The resident page's « Droits probablement non demandés »: the campaigns' signals for this resident, when they consented.</summary>
internal sealed class ResidentRightsSection(ResidentSignals residentSignals, CarteBlancheDbContext db) : IResidentSectionSource
{
    public async Task<CaseSection> ForResidentAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var signals = await residentSignals.OfResidentAsync(residentId, cancellationToken);
        var campaignIds = signals.Select(s => s.Signal.CampaignId).Distinct().ToList();
        var months = await db.Set<Campaign>().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Month, cancellationToken);
        var items = signals.OrderByDescending(s => s.Signal.MonthlyAmount).Select(s => new CaseActivity(
            Labels.Benefit(s.Signal.Benefit) + (s.Signal.MonthlyAmount > 0 ? $" — environ {FrenchFormat.Euros(s.Signal.MonthlyAmount)} par mois" : ""),
            Labels.Of(s.Signal.Status),
            $"Repéré par la campagne de {FrenchFormat.MonthYear(months[s.Signal.CampaignId])} ({Labels.Of(s.Signal.Certainty).ToLowerInvariant()}) : à proposer à l'usager.",
            $"/droits/signalements/{s.Signal.Id:D}",
            s.Signal.Status == OutreachStatus.ToContact)).ToList();
        return new CaseSection("Droits probablement non demandés", items, null, null,
            "Aucun droit non demandé n'a été repéré pour cet usager (le repérage demande son consentement, puis une campagne de non-recours).");
    }
}

/// <summary>
/// « Dites-le nous une fois » on the case page: what the operators already know of the case's resident — each value
/// with its source and the date of the operator's file — when the resident consented to it (purpose « Dites-le nous une
/// fois », for that operator and that data). The resident is found in the operators' data by the last campaign's
/// linkage. Each showing is journaled.
/// </summary>
internal sealed class KnownDataSection(CarteBlancheDbContext db, IDeskCases cases, FactCipher factCipher, IAuditLog auditLog, ParisClock clock) : ICaseSectionSource
{
    /// <summary>Monthly values shown: the last ones known.</summary>
    public const int MonthsShown = 3;

    public async Task<CaseSection> ForCaseAsync(Guid caseId, bool caseIsOpen, CancellationToken cancellationToken)
    {
        const string Title = "Déjà connu des organismes (« Dites-le nous une fois »)";
        var residentId = await cases.ResidentOfAsync(caseId, cancellationToken);
        if (residentId == null)
        {
            return new CaseSection(Title, [], null, null, "Demande sans usager identifié.");
        }
        var today = clock.Today;
        var consents = (await db.Set<Consent>().AsNoTracking().Where(c => c.ResidentId == residentId).ToListAsync(cancellationToken))
            .Where(c => c.InForceFor(ConsentPurpose.TellUsOnce, today)).ToList();
        if (consents.Count == 0)
        {
            return new CaseSection(Title, [], "Recueillir un consentement", ConsentPaths.NewConsent(residentId.Value),
                "L'usager n'a pas consenti à « Dites-le nous une fois » : rien n'est repris des organismes, demandez-lui les informations utiles.");
        }
        var items = new List<CaseActivity>();
        var current = await CampaignConsents.CurrentCampaignsAsync(db, cancellationToken);
        foreach (var byConvention in consents.GroupBy(c => c.ConventionId))
        {
            var convention = await db.Set<Convention>().AsNoTracking().SingleAsync(c => c.Id == byConvention.Key, cancellationToken);
            var campaignIds = await db.Set<Campaign>().Where(c => c.ConventionId == convention.Id && current.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            var matches = await db.Set<ResidentMatch>().AsNoTracking().Where(m => m.ResidentId == residentId && campaignIds.Contains(m.CampaignId)).ToListAsync(cancellationToken);
            foreach (var byOperator in matches.GroupBy(m => m.OperatorId))
            {
                var import = await db.Set<OperatorImport>().AsNoTracking().SingleOrDefaultAsync(i => i.ConventionId == convention.Id && i.OperatorId == byOperator.Key && i.IsCurrent, cancellationToken);
                if (import == null)
                {
                    continue;
                }
                var recordIds = byOperator.Select(m => m.RecordId).ToList();
                var records = await db.Set<OperatorRecord>().AsNoTracking().Where(r => recordIds.Contains(r.Id) && r.ImportId == import.Id).ToListAsync(cancellationToken);
                if (records.Count == 0)
                {
                    continue;
                }
                var name = await db.Organisations.Where(o => o.Id == byOperator.Key).Select(o => o.ShortName ?? o.Name).SingleAsync(cancellationToken);
                var codec = await factCipher.CodecAsync(cancellationToken);
                var source = $"{name} — fichier du {FrenchFormat.Date(DateOnly.FromDateTime((import.FinishedAt ?? import.StartedAt).UtcDateTime))}";
                foreach (var record in records)
                {
                    var facts = codec.Unprotect(record.FactsProtected);
                    items.AddRange(Shown(facts, convention, byOperator.Key, byConvention, today, source));
                }
            }
        }
        if (items.Count > 0)
        {
            auditLog.Add(db, new AuditEvent("rights.known-data-read", "Resident", residentId.Value.ToString("D"), AuditPurpose.TellUsOnce));
            await db.SaveChangesAsync(cancellationToken);
        }
        return new CaseSection(Title, items, null, null,
            "Rien n'est encore connu des organismes pour cet usager : ses données apparaîtront après la prochaine campagne de rapprochement.");
    }

    /// <summary>The facts the consents cover, labelled from the data dictionary; monthly values, the last <see cref="MonthsShown"/> months.</summary>
    private static IEnumerable<CaseActivity> Shown(Dictionary<string, string> facts, Convention convention, Guid operatorId, IEnumerable<Consent> consents, DateOnly today, string source)
    {
        foreach (var attribute in convention.Attributes.Where(a => a.OperatorId == operatorId).OrderBy(a => a.Label, StringComparer.Ordinal))
        {
            if (!consents.Any(c => c.Covers(operatorId, attribute.Code, ConsentPurpose.TellUsOnce, today)))
            {
                continue;
            }
            if (facts.TryGetValue(attribute.Code, out var value))
            {
                yield return new CaseActivity(attribute.Label, Display(value, attribute.Type), source, ConsentPaths.Consent(consents.First().Id), false);
                continue;
            }
            var monthly = facts.Where(f => f.Key.StartsWith(attribute.Code + ":", StringComparison.Ordinal)).OrderByDescending(f => f.Key, StringComparer.Ordinal).Take(MonthsShown).ToList();
            foreach (var (key, v) in monthly)
            {
                var month = key[(attribute.Code.Length + 1)..];
                var label = DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                    ? $"{attribute.Label} — {FrenchFormat.MonthYear(first)}" : $"{attribute.Label} — {month}";
                yield return new CaseActivity(label, Display(v, attribute.Type), source, ConsentPaths.Consent(consents.First().Id), false);
            }
        }
    }

    private static string Display(string value, AttributeType type) => type switch
    {
        AttributeType.YesNo => value == "oui" ? "Oui" : value == "non" ? "Non" : value,
        AttributeType.Code => value switch
        {
            "proprietaire" => "Propriétaire",
            "accedant" => "Accédant à la propriété",
            "locataire" => "Locataire",
            "locataire_hlm" => "Locataire d'un logement social",
            "heberge" => "Hébergé gratuitement",
            _ => value.Replace('_', ' '),
        },
        AttributeType.Amount when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => FrenchFormat.Euros(d),
        _ => value,
    };
}
