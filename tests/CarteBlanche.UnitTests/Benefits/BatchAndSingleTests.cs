using System.Text.Json.Nodes;
using CarteBlanche.Benefits;
using Xunit;

namespace CarteBlanche.UnitTests.Benefits;

/// <summary>The columnar path and the one-household path (an OpenFisca situation read by the engine) give the same numbers.</summary>
public sealed class BatchAndSingleTests
{
    private static readonly Month Year = Month.Of(2026, 1);

    [Fact]
    public void The_batch_and_the_single_household_paths_agree_on_random_households()
    {
        // 100,000 in the suite (about 7 s); the benchmark runs the million (bench/README.md).
        var households = int.TryParse(Environment.GetEnvironmentVariable("CARTEBLANCHE_BATCH_HOUSEHOLDS"), out var n) && n > 0 ? n : 100_000;
        var first = Year.AddMonths(-(Synthesizer.HistoryMonths - 12));
        var pop = Synthesizer.Generate(households, seed: 7, first, Synthesizer.HistoryMonths, out _);
        // Some families in an experimental département and with family benefits, to exercise those columns too.
        var random = new Random(7);
        for (var f = 0; f < households; f += 13)
        {
            pop.LaterMonths[f] = true;
            for (var h = 0; h < pop.Months; h++)
            {
                pop.FamilyResources[f * pop.Months + h] = random.Next(0, 3) * 148.52;
            }
        }
        var batch = Batch.Compute(pop, Year, 12, Benefit.All, threads: Environment.ProcessorCount);

        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            for (var f = worker; f < households; f += Environment.ProcessorCount)
            {
                var k = f % 12; // one month of the year per household
                var month = Year.AddMonths(k);
                // The one-household path, with full precision (calculate then writes amounts as float32, like OpenFisca).
                var situation = Situation.Read(SituationBuilder.Of(pop, f, month), $"ménage {f}");
                var (from, to) = situation.Window(situation.Requests.Select(r => r.Period));
                situation.ToPopulation(from, to);
                var period = new Period(month, 1);
                JsonNode? Value(string variable, EntityKind entity, string id) => situation.Compute(variable, entity, id, period, MonthParameters.Embedded);
                double Get(string variable) => Value(variable, EntityKind.Famille, "f")!.GetValue<double>();
                var cell = f * 12 + k;
                Check(f, "rsa", batch.Rsa[cell], Get("rsa"));
                Check(f, "ppa", batch.Ppa[cell], Get("ppa"));
                Check(f, "aspa", batch.Aspa[cell], Get("aspa"));
                Check(f, "css_participation_forfaitaire", batch.CssContribution[cell], Get("css_participation_forfaitaire"));
                var free = Value("cmu_c", EntityKind.Famille, "f")!.GetValue<bool>();
                if (free != (batch.Css[cell] == CssStatus.Gratuite))
                {
                    mismatches.Add($"ménage {f} cmu_c : batch {batch.Css[cell]}, situation {free}");
                }
                for (var p = pop.FirstPerson[f]; p < pop.FirstPerson[f] + pop.Parents[f]; p++)
                {
                    Check(f, $"aah p{p}", batch.Aah[p * 12 + k], Value("aah", EntityKind.Individu, $"p{p}")!.GetValue<double>());
                }
            }
        });
        Assert.True(mismatches.IsEmpty, string.Join("\n", mismatches.Take(20)));

        void Check(int f, string variable, double fromBatch, double fromSituation)
        {
            if (fromBatch != fromSituation)
            {
                mismatches.Add($"ménage {f} {variable} : batch {fromBatch}, situation {fromSituation}");
            }
        }
    }

    [Fact]
    public void The_synthetic_population_has_rights_to_find()
    {
        var first = Year.AddMonths(-(Synthesizer.HistoryMonths - 12));
        var pop = Synthesizer.Generate(20_000, seed: 3, first, Synthesizer.HistoryMonths, out _);
        var batch = Batch.Compute(pop, Year, 12, Benefit.All);
        // A test population where nobody is entitled would make the agreement test above meaningless.
        Assert.InRange(batch.Rsa.Count(a => a > 0) / (double)batch.Rsa.Length, 0.02, 0.30);
        Assert.InRange(batch.Ppa.Count(a => a > 0) / (double)batch.Ppa.Length, 0.03, 0.40);
        Assert.InRange(batch.Css.Count(s => s == CssStatus.AvecParticipation) / (double)batch.Css.Length, 0.005, 0.2);
        Assert.True(batch.Aspa.Any(a => a > 0) && batch.Aah.Any(a => a > 0));
    }
}
