using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;

namespace CarteBlanche.Rights.Campaigns;

/// <summary>
/// The rights solution's results: non-take-up signals found by the campaigns (in the campaign's month), residents
/// contacted and rights opened after outreach (in the month of the contact and of the opening), monthly amounts
/// opened; per benefit over the period. Operators' anomalies are not non-take-up and are left out.
/// </summary>
internal sealed class RightsResults(CarteBlancheDbContext db) : ISolutionResults
{
    public string Slug => "droits";

    public string Title => "L'accès aux droits";

    public int Order => 4;

    public async Task<SolutionResults> ComputeAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var (first, last) = (from.FirstDay, to.LastDay);
        var signals = await (from s in db.Set<Signal>().AsNoTracking()
                             join c in db.Set<Campaign>() on s.CampaignId equals c.Id
                             where s.Kind == SignalKind.NonTakeUp
                                   && ((c.Month >= first && c.Month <= last) || (s.ContactedOn >= first && s.ContactedOn <= last) || (s.OpenedOn >= first && s.OpenedOn <= last))
                             select new { CampaignMonth = c.Month, s.Benefit, s.Status, s.ContactedOn, s.OpenedOn, s.OpenedAmount })
            .ToListAsync(cancellationToken);
        var months = YearMonth.Range(from, to).ToList();
        bool In(DateOnly? day) => day >= first && day <= last;
        var charts = new List<ResultChart>
        {
            new("signalements", "Non-recours repéré et démarches d'aller-vers", ResultUnit.Count, ChartKind.Bar,
            [
                new("Droits probablement non demandés (repérés)", months.Select(m => ResultValue.Count(signals.Count(s => m.Contains(s.CampaignMonth)))).ToList()),
                new("Contacts faits (un par droit proposé)", months.Select(m => ResultValue.Count(signals.Count(s => s.ContactedOn is { } d && m.Contains(d)))).ToList()),
                new("Droits ouverts après contact", months.Select(m => ResultValue.Count(signals.Count(s => s.Status == OutreachStatus.RightOpened && s.OpenedOn is { } d && m.Contains(d)))).ToList()),
            ]),
            new("montants", "Montants mensuels des droits ouverts", ResultUnit.Euros, ChartKind.Bar,
            [
                new("Montant mensuel ouvert (€)", months.Select(m =>
                {
                    var opened = signals.Where(s => s.Status == OutreachStatus.RightOpened && s.OpenedOn is { } d && m.Contains(d)).ToList();
                    return ResultValue.Money(opened.Sum(s => s.OpenedAmount ?? 0), opened.Count);
                }).ToList()),
            ], "Montant par mois des prestations ouvertes, tel que l'organisme l'a indiqué."),
        };
        var perBenefit = new ResultBreakdown("prestations", "Par prestation, sur la période", "Prestation",
            [("Repérés", ResultUnit.Count), ("Contactés", ResultUnit.Count), ("Droits ouverts", ResultUnit.Count), ("Part ouverte après contact", ResultUnit.Percent)],
            signals.GroupBy(s => s.Benefit).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var contacted = g.Count(s => In(s.ContactedOn));
                var opened = g.Count(s => s.Status == OutreachStatus.RightOpened && In(s.OpenedOn));
                // The share among the same group: contacted in the period, and since opened.
                var openedOfContacted = g.Count(s => In(s.ContactedOn) && s.Status == OutreachStatus.RightOpened);
                return (Labels.Benefit(g.Key), (IReadOnlyList<ResultValue>)
                [
                    ResultValue.Count(g.Count(s => s.CampaignMonth >= first && s.CampaignMonth <= last)), ResultValue.Count(contacted), ResultValue.Count(opened),
                    ResultValue.ShareOfCounts(openedOfContacted, contacted),
                ]);
            }).ToList());
        return new SolutionResults(Slug, Title,
            "Avec l'accord des habitants, les organismes rapprochent leurs données pour repérer les droits non demandés et aller vers les foyers.",
            months, charts, [perBenefit]);
    }
}
