using CarteBlanche.Benefits;
using CarteBlanche.Platform.Files;

namespace CarteBlanche.Rights.Campaigns;

/// <summary>How well a campaign found the non-take-up planted in a synthetic Lot.</summary>
/// <param name="Planted">(household, benefit) pairs entitled and not received, anomalies left out.</param>
/// <param name="Signals">Distinct (household, benefit) pairs the campaign called non-take-up.</param>
/// <param name="Correct">Signals that are planted non-take-up.</param>
/// <param name="AnomaliesPlanted">RSA recipients the CPAM's file shows without the CSS.</param>
/// <param name="AnomaliesFound">Of those, the ones the campaign reported as anomalies.</param>
/// <param name="ByBenefit">The same counts per benefit (rsa, ppa, css).</param>
public sealed record CampaignQuality(int Planted, int Signals, int Correct, int AnomaliesPlanted, int AnomaliesFound, IReadOnlyDictionary<string, (int Planted, int Signals, int Correct)> ByBenefit)
{
    public double Precision => Signals == 0 ? 1 : Correct / (double)Signals;
    public double Recall => Planted == 0 ? 1 : Correct / (double)Planted;
}

/// <summary>The truth file <see cref="SyntheticLot"/> writes: which household each record stands for, what it is entitled to and receives.</summary>
public sealed class SyntheticLotTruth
{
    private readonly Dictionary<string, int> _householdOf = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (Benefit Entitled, Benefit Received, bool Anomaly)> _households = [];

    public static SyntheticLotTruth Read(string path)
    {
        var truth = new SyntheticLotTruth();
        using var reader = new StreamReader(path);
        reader.ReadLine();
        foreach (var row in Csv.Read(reader, ';'))
        {
            var f = row.Fields;
            var household = int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture);
            truth._householdOf[f[2]] = household;
            truth._households[household] = (SyntheticLot.ParseBenefits(f[3]), SyntheticLot.ParseBenefits(f[4]), f[5] == "oui");
        }
        return truth;
    }

    /// <summary>The (household, benefit) pairs planted as non-take-up (anomalies left out), by household.</summary>
    public IReadOnlyList<(int Household, string Benefit)> Planted() =>
        _households.OrderBy(h => h.Key).SelectMany(h => new[] { "rsa", "ppa", "css" }
            .Where(b => (h.Value.Entitled & SyntheticLot.ParseBenefits(b)) != 0 && (h.Value.Received & SyntheticLot.ParseBenefits(b)) == 0 && !(h.Value.Anomaly && b == "css"))
            .Select(b => (h.Key, b))).ToList();

    /// <summary>The operators' record identifiers of a synthetic household.</summary>
    public IReadOnlyList<string> SourceIdsOf(int household) => _householdOf.Where(r => r.Value == household).Select(r => r.Key).ToList();

    /// <summary>The synthetic household most of these records stand for; -1 when none is known.</summary>
    public int HouseholdOf(IEnumerable<string> sourceIds) =>
        sourceIds.Select(id => _householdOf.GetValueOrDefault(id, -1)).Where(h => h >= 0).GroupBy(h => h).OrderByDescending(g => g.Count()).Select(g => g.Key).DefaultIfEmpty(-1).First();

    /// <summary>Compares the campaign's signals (each with its household's record identifiers) with what was planted.</summary>
    public CampaignQuality Evaluate(IEnumerable<(IReadOnlyList<string> SourceIds, string Benefit, SignalKind Kind)> signals)
    {
        var planted = new HashSet<(int, string)>();
        var anomalies = new HashSet<int>();
        foreach (var (household, (entitled, received, anomaly)) in _households)
        {
            foreach (var benefit in new[] { "rsa", "ppa", "css" })
            {
                var b = SyntheticLot.ParseBenefits(benefit);
                if ((entitled & b) != 0 && (received & b) == 0)
                {
                    if (anomaly && b == Benefit.Css)
                    {
                        anomalies.Add(household);
                    }
                    else
                    {
                        planted.Add((household, benefit));
                    }
                }
            }
        }
        var found = new HashSet<(int, string)>();
        var anomaliesFound = new HashSet<int>();
        foreach (var (ids, benefit, kind) in signals)
        {
            var household = HouseholdOf(ids);
            if (kind == SignalKind.Anomaly)
            {
                if (anomalies.Contains(household))
                {
                    anomaliesFound.Add(household);
                }
                continue;
            }
            found.Add((household, benefit));
        }
        var byBenefit = new[] { "rsa", "ppa", "css" }.ToDictionary(b => b, b =>
            (planted.Count(p => p.Item2 == b), found.Count(p => p.Item2 == b), found.Count(p => p.Item2 == b && planted.Contains(p))));
        return new CampaignQuality(planted.Count, found.Count, found.Count(planted.Contains), anomalies.Count, anomaliesFound.Count, byBenefit);
    }
}
