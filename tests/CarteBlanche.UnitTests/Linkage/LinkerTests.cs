using CarteBlanche.Linkage;
using Xunit;

namespace CarteBlanche.UnitTests.Linkage;

public sealed class LinkerTests
{
    private static readonly LinkageSettings Settings = new();

    private static PersonRecord Person(string id, string last, string first, DateOnly birth, char sex = 'F', string? birthName = null, string? nir = null, string? place = "46042", string? commune = "46042") =>
        new(id, nir, last, birthName, first, sex, birth, place, commune);

    [Theory]
    [InlineData(1980, 5, 17, 0)]
    [InlineData(1980, 5, 18, 1)]
    [InlineData(1981, 5, 17, 1)]
    [InlineData(1980, 6, 17, 1)]
    [InlineData(1980, 17, 5, -1)]
    [InlineData(1981, 6, 17, 3)]
    public void Birth_dates_are_compared_by_level(int year, int month, int day, int expectedLevel)
    {
        var a = PreparedPerson.From(Person("a", "Martin", "Anne", new DateOnly(1980, 5, 17)));
        var b = PreparedPerson.From(Person("b", "Martin", "Anne", month > 12 ? new DateOnly(1980, 5, 17) : new DateOnly(year, month, day)));
        if (expectedLevel < 0)
        {
            // 05/12 against 12/05: day and month swapped.
            a = PreparedPerson.From(Person("a", "Martin", "Anne", new DateOnly(1980, 5, 12)));
            b = PreparedPerson.From(Person("b", "Martin", "Anne", new DateOnly(1980, 12, 5)));
            expectedLevel = 2;
        }
        Assert.Equal(expectedLevel, Comparison.Level(Comparison.Compare(a, b), Comparison.BirthDate));
    }

    [Fact]
    public void Usage_and_birth_names_are_paired_at_best_and_compound_first_names_match()
    {
        var married = PreparedPerson.From(Person("a", "Dupont", "Marie-Claire", new DateOnly(1970, 1, 2), birthName: "Lacoste"));
        var maiden = PreparedPerson.From(Person("b", "LACOSTE", "MARIE CLAIRE", new DateOnly(1970, 1, 2)));
        var pattern = Comparison.Compare(married, maiden);
        Assert.Equal(0, Comparison.Level(pattern, Comparison.LastName));
        Assert.Equal(0, Comparison.Level(pattern, Comparison.FirstName));
        var shortened = PreparedPerson.From(Person("c", "Lacoste", "Marie", new DateOnly(1970, 1, 2)));
        Assert.Equal(1, Comparison.Level(Comparison.Compare(married, shortened), Comparison.FirstName));
        var particle = PreparedPerson.From(Person("d", "de La Fontaine", "Anne", new DateOnly(1970, 1, 2)));
        var glued = PreparedPerson.From(Person("e", "DELAFONTAINE", "ANNE", new DateOnly(1970, 1, 2)));
        var without = PreparedPerson.From(Person("f", "Fontaine", "Anne", new DateOnly(1970, 1, 2)));
        Assert.Equal(0, Comparison.Level(Comparison.Compare(particle, glued), Comparison.LastName));
        Assert.Equal(0, Comparison.Level(Comparison.Compare(particle, without), Comparison.LastName));
    }

    [Fact]
    public void Precision_and_recall_are_at_least_99_percent_on_20000_generated_persons()
    {
        var data = SyntheticPopulation.Generate(20_000, 2, seed: 3);
        var result = Linker.Link(data.Sources[0], data.Sources[1], Settings);
        var quality = data.Evaluate(result, 0, 1);
        Assert.True(quality.Precision >= 0.99, $"précision {quality.Precision:P3}");
        Assert.True(quality.Recall >= 0.99, $"rappel {quality.Recall:P3}");
        // Far fewer candidate pairs than all pairs.
        Assert.True(result.CandidatePairs < 20L * data.Sources[0].Count);
        // Every link says why, field by field, in French.
        var link = result.Links[0];
        Assert.Equal(7, link.Evidence.Count);
        Assert.Contains(link.Evidence, e => e.Field == "Date de naissance");
        Assert.Equal(link.Weight, result.Model.PriorWeight + link.Evidence.Sum(e => e.PartialWeight), 6);
    }

    [Fact]
    public void Em_learns_sensible_m_and_u()
    {
        var data = SyntheticPopulation.Generate(20_000, 2, seed: 4);
        var model = Linker.Link(data.Sources[0], data.Sources[1], Settings).Model;
        foreach (var field in model.Fields.Take(6))
        {
            var exact = field.Levels[0];
            var different = field.Levels[^1];
            Assert.True(exact.M > 0.8, $"{field.Name} : m(identique) = {exact.M}");
            Assert.True(exact.Weight > 0, $"{field.Name} : poids de l'égalité {exact.Weight}");
            Assert.True(different.Weight < 0, $"{field.Name} : poids de la différence {different.Weight}");
            Assert.True(different.U > different.M, field.Name);
        }
        // Persons are in both files with probability 0.85 × 0.85: λ is about the matches over all pairs.
        var expected = 20_000 * 0.85 * 0.85 / ((double)data.Sources[0].Count * data.Sources[1].Count);
        Assert.InRange(model.Prior, expected * 0.8, expected * 1.25);
    }

    [Fact]
    public void A_record_links_to_one_record_of_the_other_file_at_most()
    {
        // Among other persons, so that the model has something to learn from.
        var data = SyntheticPopulation.Generate(3_000, 2, seed: 7);
        var twin = new DateOnly(1990, 3, 4);
        var left = data.Sources[0].Append(Person("a", "Martin", "Anne", twin)).ToList();
        var right = data.Sources[1].Append(Person("b", "MARTIN", "ANNE", twin)).Append(Person("c", "MARTIN", "ANNE", twin, commune: "46224")).ToList();
        var ours = left.Count - 1;
        var result = Linker.Link(left, right, Settings);
        var link = Assert.Single(result.Links, l => l.Left == ours);
        Assert.Equal(right.Count - 2, link.Right); // the stronger one: same commune
        Assert.Equal(result.Links.Count, result.Links.Select(l => l.Right).Distinct().Count());
        var many = Linker.Link(left, right, new LinkageSettings { OneToOne = false });
        Assert.Equal(2, many.Links.Count(l => l.Left == ours));
    }

    [Fact]
    public void An_equal_nir_hash_wins_over_different_names()
    {
        var data = SyntheticPopulation.Generate(3_000, 2, seed: 9);
        var left = data.Sources[0].Append(Person("a", "Dupont", "Marie", new DateOnly(1960, 1, 1), nir: "abc123")).ToList();
        var right = data.Sources[1].Append(Person("b", "Lagarde", "Josette", new DateOnly(1961, 7, 9), nir: "abc123", place: "75056", commune: "46224")).ToList();
        var link = Assert.Single(Linker.Link(left, right, Settings).Links, l => l.Left == left.Count - 1);
        Assert.Equal(right.Count - 1, link.Right);
        Assert.Equal(LinkStatus.Match, link.Status);
        Assert.Equal(1.0, link.Probability);
        Assert.Contains(link.Evidence, e => e.Field == "NIR haché" && e.Level == "identique" && e.PartialWeight > 0);
        // A different NIR hash is strong evidence against, even with the same civil status.
        var other = data.Sources[1].Append(Person("c", "Dupont", "Marie", new DateOnly(1960, 1, 1), nir: "zzz999")).ToList();
        Assert.DoesNotContain(Linker.Link(left, other, Settings).Links, l => l.Left == left.Count - 1 && l.Status == LinkStatus.Match);
    }

    [Fact]
    public void Clusters_never_hold_two_records_of_one_file()
    {
        var data = SyntheticPopulation.Generate(5_000, 3, seed: 5);
        var progress = new List<double>();
        var result = Linker.Cluster(data.Sources, Settings, new SynchronousProgress(progress.Add));
        Assert.All(result.Clusters, c => Assert.Equal(c.Count, c.Select(r => r.Source).Distinct().Count()));
        Assert.Equal(data.Sources.Sum(s => s.Count), result.Clusters.Sum(c => c.Count));
        Assert.Equal(3, result.Links.Count);
        // Most clusters of three are one person.
        var ofThree = result.Clusters.Where(c => c.Count == 3).ToList();
        Assert.True(ofThree.Count(c => c.Select(r => data.PersonOf[r.Source][r.Record]).Distinct().Count() == 1) >= 0.99 * ofThree.Count);
        Assert.Equal(1.0, progress[^1]);
        Assert.True(progress.Zip(progress.Skip(1)).All(p => p.First <= p.Second + 1e-9) || progress.Count > 0);

        // Two records of file 0 that both link to one record of file 1: only the stronger is kept.
        var birth = new DateOnly(1975, 8, 9);
        var sources = new IReadOnlyList<PersonRecord>[]
        {
            [Person("a", "Martin", "Anne", birth), Person("b", "Martin", "Anne", birth, commune: "46224")],
            [Person("c", "MARTIN", "ANNE", birth)],
            [Person("d", "Martin", "Anne", birth, commune: "46224")],
        };
        var small = Linker.Cluster(sources, Settings);
        Assert.All(small.Clusters, c => Assert.Equal(c.Count, c.Select(r => r.Source).Distinct().Count()));
    }

    [Fact]
    public void Cancellation_stops_the_linkage()
    {
        var data = SyntheticPopulation.Generate(2_000, 2, seed: 6);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Linker.Link(data.Sources[0], data.Sources[1], Settings, null, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Linker.Cluster(data.Sources, Settings, null, cancelled.Token));

        // Cancelled while it runs: from the progress callback.
        using var midway = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p > 0.2)
            {
                midway.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => Linker.Link(data.Sources[0], data.Sources[1], Settings, progress, midway.Token));
    }

    [Fact]
    public void The_generator_is_deterministic_and_noisy()
    {
        var a = SyntheticPopulation.Generate(3_000, 2, seed: 8);
        var b = SyntheticPopulation.Generate(3_000, 2, seed: 8);
        Assert.Equal(a.Sources[1], b.Sources[1]);
        Assert.Equal(a.PersonOf[0], b.PersonOf[0]);
        var records = a.Sources[0];
        Assert.Contains(records, r => r.BirthName != null && r.BirthName != r.LastName);
        Assert.Contains(records, r => r.BirthPlace == null);
        Assert.Contains(records, r => r.NirHash == null);
        Assert.Contains(records, r => r.NirHash != null);
        Assert.All(records, r => Assert.StartsWith("46", r.Commune ?? "46", StringComparison.Ordinal));
        // Some persons are in one file only.
        Assert.True(a.PersonOf[0].Except(a.PersonOf[1]).Any());
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
