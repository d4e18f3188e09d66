using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Campaigns;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Pages.Droits.Campagnes;

/// <summary>One benefit's figures: signals, how sure, the amount at stake, the share of the estimated entitled not receiving.</summary>
public sealed record BenefitFigures(string Benefit, int Entitled, int Signals, int Characterised, decimal MonthlyAmount)
{
    public string Share => Entitled == 0 ? "—" : $"{100.0 * Signals / Entitled:0} %";
}

public sealed record GroupFigures(string Group, int Rsa, int Ppa, int Css);

public sealed record OutreachFigures(int Total, IReadOnlyDictionary<OutreachStatus, int> ByStatus, int Opened, decimal OpenedAmount, double? DaysToOpen);

/// <summary>
/// A campaign: its progress while it runs (the page refreshes itself), then its figures — per benefit against the
/// national rates, per household type and commune (counts under 5 masked: nothing here points at a household) — and its
/// evaluation report (outreach done, rights opened, amounts, time to open). Lists of signals are for the operators' data stewards.
/// </summary>
[Authorize(Policy = Policies.RightsStewards)]
public sealed class FicheModel(CarteBlancheDbContext db, CarteBlanche.Platform.Calendar.ParisClock clock) : PageModel
{
    public const int Masked = 5;

    public Campaign Campaign { get; private set; } = default!;
    public string Convention { get; private set; } = "";
    public IReadOnlyList<BenefitFigures> Benefits { get; private set; } = [];
    public IReadOnlyList<GroupFigures> ByType { get; private set; } = [];
    public IReadOnlyList<GroupFigures> ByCommune { get; private set; } = [];
    public int Anomalies { get; private set; }
    public OutreachFigures Outreach { get; private set; } = new(0, new Dictionary<OutreachStatus, int>(), 0, 0, null);
    /// <summary>The signals list is shown to data stewards, for their own organisation's signals.</summary>
    public bool ShowsSignals { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign == null)
        {
            return NotFound();
        }
        var convention = await db.Set<Convention>().AsNoTracking().SingleAsync(c => c.Id == campaign.ConventionId, cancellationToken);
        var everyParty = User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);
        if (!everyParty && convention.Parties.All(p => p.OrganisationId != User.Organisation()))
        {
            return Forbid();
        }
        Campaign = campaign;
        Convention = convention.Title;
        ShowsSignals = User.IsInRole(Roles.DataSteward) && convention.Parties.Any(p => p.OrganisationId == User.Organisation());
        if (campaign.Status != CampaignStatus.Succeeded)
        {
            return Page();
        }
        var opposed = await CampaignConsents.OpposedAsync(db, campaign.ConventionId, clock.Today, cancellationToken);
        var rows = await db.Set<Signal>().AsNoTracking().Where(s => s.CampaignId == id).Visible(db, opposed)
            .Select(s => new { s.Benefit, s.Kind, s.Certainty, s.MonthlyAmount, s.HouseholdType, s.Commune, s.Status, s.OpenedOn, s.OpenedAmount }).ToListAsync(cancellationToken);
        var nonTakeUp = rows.Where(r => r.Kind == SignalKind.NonTakeUp).ToList();
        Anomalies = rows.Count - nonTakeUp.Count;
        int Entitled(string b) => b switch { "rsa" => campaign.EntitledRsa, "ppa" => campaign.EntitledPpa, _ => campaign.EntitledCss };
        Benefits = new[] { "rsa", "ppa", "css" }.Select(b =>
        {
            var of = nonTakeUp.Where(r => r.Benefit == b).ToList();
            return new BenefitFigures(b, Entitled(b), of.Count, of.Count(r => r.Certainty == Certainty.Characterised), of.Sum(r => r.MonthlyAmount));
        }).ToList();
        GroupFigures Group(string name, IEnumerable<string> benefits)
        {
            var list = benefits.ToList();
            return new GroupFigures(name, list.Count(b => b == "rsa"), list.Count(b => b == "ppa"), list.Count(b => b == "css"));
        }
        ByType = nonTakeUp.GroupBy(r => r.HouseholdType).OrderByDescending(g => g.Count()).Select(g => Group(g.Key, g.Select(r => r.Benefit))).ToList();
        var names = await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        ByCommune = nonTakeUp.GroupBy(r => r.Commune ?? "").OrderByDescending(g => g.Count()).Take(20)
            .Select(g => Group(names.GetValueOrDefault(g.Key, g.Key.Length == 0 ? "Commune inconnue" : g.Key), g.Select(r => r.Benefit))).ToList();
        var opened = nonTakeUp.Where(r => r.Status == OutreachStatus.RightOpened).ToList();
        var finished = DateOnly.FromDateTime((campaign.FinishedAt ?? campaign.StartedAt).UtcDateTime);
        Outreach = new OutreachFigures(nonTakeUp.Count,
            nonTakeUp.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            opened.Count, opened.Sum(r => r.OpenedAmount ?? 0),
            opened.Count(r => r.OpenedOn != null) == 0 ? null : opened.Where(r => r.OpenedOn != null).Average(r => r.OpenedOn!.Value.DayNumber - finished.DayNumber));
        return Page();
    }

    /// <summary>A count as published: under 5, « moins de 5 ».</summary>
    public static string Count(int n) => n == 0 ? "0" : n < Masked ? "moins de 5" : FrenchFormat.Number(n);
}
