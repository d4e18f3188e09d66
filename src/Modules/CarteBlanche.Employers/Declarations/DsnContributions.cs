using CarteBlanche.Payroll;

namespace CarteBlanche.Employers.Declarations;

/// <summary>An individual contribution of the DSN (block S21.G00.81): its code, base amount, amount (negative for a reduction) and rate in %.</summary>
public sealed record DsnContribution(string Code, decimal Base, decimal Amount, decimal? Rate);

/// <summary>A base of the DSN (block S21.G00.78) and its contributions, in the order they are written.</summary>
public sealed record DsnBase(string Code, decimal Amount, IReadOnlyList<DsnContribution> Contributions);

/// <summary>
/// The payslip's lines, as the URSSAF's model computed them, in the DSN's individual contributions (code « CTI » of
/// block 81 under its base of block 78). The table below is our reading of the DSN's nomenclature and of files that
/// passed DSN-Val (docs/adr/0019); a line it does not know is not guessed: it is listed for the firm's software.
/// </summary>
public static class DsnContributions
{
    private sealed record Target(string Base, string Code, decimal? SplitRate = null, string? SplitCode = null);

    /// <summary>Rule → base and code. Maladie and family allowances split at their reduced rate (2026: 7 % + 6 %, 3,45 % + 1,80 %).</summary>
    private static readonly Dictionary<string, Target> Map = new(StringComparer.Ordinal)
    {
        ["salarié . cotisations . maladie"] = new("03", "075", 7m, "907"),
        ["salarié . cotisations . ATMP"] = new("03", "045"),
        ["salarié . cotisations . vieillesse . déplafonnée"] = new("03", "076"),
        ["salarié . cotisations . allocations familiales"] = new("03", "074", 3.45m, "102"),
        ["salarié . cotisations . CSA"] = new("03", "068"),
        ["salarié . cotisations . taxe d'apprentissage"] = new("03", "130"),
        ["salarié . cotisations . formation professionnelle"] = new("03", "128"),
        ["salarié . cotisations . contribution au dialogue social"] = new("03", "100"),
        ["salarié . cotisations . exonérations . RGDU"] = new("03", "018"),
        ["salarié . cotisations . vieillesse . plafonnée"] = new("02", "076"),
        ["salarié . cotisations . FNAL"] = new("02", "049"),
        ["salarié . cotisations . CSG-CRDS . CSG . déductible"] = new("04", "072"),
        ["salarié . cotisations . CSG-CRDS . CSG . non déductible . revenus imposables"] = new("04", "072"),
        ["salarié . cotisations . CSG-CRDS . CRDS"] = new("04", "079"),
        ["salarié . cotisations . chômage"] = new("07", "040"),
        ["salarié . cotisations . AGS"] = new("07", "048"),
        ["salarié . cotisations . forfait social"] = new("13", "071"),
    };

    /// <summary>Agirc-Arrco: code 131 for the whole (employee and employer), 142 for the employer's part.</summary>
    private static readonly string[] SupplementaryPension =
        ["salarié . cotisations . retraite complémentaire", "salarié . cotisations . CEG", "salarié . cotisations . CET"];

    /// <summary>Lines that only add up others written here (their parts are mapped), never written themselves.</summary>
    private static readonly HashSet<string> Totals = new(StringComparer.Ordinal)
    {
        "salarié . cotisations . retraite complémentaire-CEG-CET", "salarié . cotisations . assurance chômage", "salarié . cotisations . autres employeur",
        "salarié . cotisations . CSG-CRDS . sur revenus imposables non déductible", "salarié . cotisations . exonérations",
    };

    private static readonly string[] BaseOrder = ["03", "02", "04", "07", "13"];

    /// <summary>The bases and contributions of a payslip, and the lines left to the firm's software (in French).</summary>
    public static (IReadOnlyList<DsnBase> Bases, IReadOnlyList<string> NotDeclared) From(IReadOnlyList<PayslipLine> lines, decimal gross)
    {
        static decimal Cents(double? value) => value is { } v ? PayrollModel.ToCents(v) : 0m;
        static decimal Total(PayslipLine l) => Cents((l.EmployeeAmount ?? 0) + (l.EmployerAmount ?? 0));
        var contributions = new List<(string Base, DsnContribution Contribution)>();
        var baseAmounts = new Dictionary<string, decimal> { ["03"] = gross };
        var notDeclared = new List<string>();
        foreach (var line in lines)
        {
            if (Map.TryGetValue(line.Rule, out var target))
            {
                var amount = Total(line);
                if (amount == 0)
                {
                    continue;
                }
                var lineBase = Cents(line.Base);
                if (target.Base != "03")
                {
                    baseAmounts.TryAdd(target.Base, lineBase);
                }
                var rate = (decimal?)((line.EmployeeRate ?? 0) + (line.EmployerRate ?? 0)) is { } r && r != 0 ? Math.Round(r, 3) : (decimal?)null;
                if (target.SplitRate is { } split && rate > split && target.SplitCode is { } splitCode)
                {
                    var first = Math.Round(lineBase * split / 100m, 2, MidpointRounding.AwayFromZero);
                    contributions.Add((target.Base, new(target.Code, lineBase, first, split)));
                    contributions.Add((target.Base, new(splitCode, lineBase, amount - first, rate - split)));
                }
                else
                {
                    contributions.Add((target.Base, new(target.Code, lineBase, amount, rate)));
                }
            }
            else if (!SupplementaryPension.Contains(line.Rule) && !Totals.Contains(line.Rule) && Total(line) != 0)
            {
                notDeclared.Add($"{line.Title} ({Platform.Web.FrenchFormat.Euros(Total(line), cents: true)}) : à déclarer dans le logiciel de l'entreprise (organisme complémentaire ou code DSN à choisir)");
            }
        }
        var pension = lines.Where(l => SupplementaryPension.Contains(l.Rule)).ToList();
        if (pension.Count > 0)
        {
            var pensionBase = Cents(pension[0].Base);
            baseAmounts.TryAdd("02", pensionBase);
            contributions.Add(("02", new("131", pensionBase, pension.Sum(Total), null)));
            contributions.Add(("02", new("142", pensionBase, pension.Sum(l => Cents(l.EmployerAmount)), null)));
        }
        // Contributions of one code under one base are added up (one block 81 per code), employee and employer together.
        var bases = BaseOrder.Where(baseAmounts.ContainsKey).Select(code => new DsnBase(code, baseAmounts[code],
            contributions.Where(c => c.Base == code).GroupBy(c => c.Contribution.Code)
                .Select(g => g.Count() == 1 ? g.Single().Contribution : new DsnContribution(g.Key, g.First().Contribution.Base, g.Sum(c => c.Contribution.Amount), SumRates(g.Select(c => c.Contribution.Rate))))
                .OrderBy(c => c.Code, StringComparer.Ordinal).ToList()))
            .Where(b => b.Contributions.Count > 0 || b.Code == "03").ToList();
        return (bases, notDeclared);
    }

    private static decimal? SumRates(IEnumerable<decimal?> rates) => rates.All(r => r != null) ? rates.Sum() : null;
}
