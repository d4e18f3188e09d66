using CarteBlanche.Benefits;
using Xunit;

namespace CarteBlanche.UnitTests.Benefits;

public sealed class SynthesizerTests
{
    [Fact]
    public void Non_take_up_follows_the_drees_rates_and_is_higher_when_unknown_to_the_caf()
    {
        var synthetic = Synthesizer.Synthesize(200_000, seed: 5, Month.Of(2026, 6), threads: Environment.ProcessorCount);
        double Rate(Benefit b, Func<int, bool> where)
        {
            var entitled = Enumerable.Range(0, synthetic.Entitled.Length).Where(f => (synthetic.Entitled[f] & b) != 0 && where(f)).ToList();
            return entitled.Count(f => (synthetic.Receives[f] & b) == 0) / (double)entitled.Count;
        }
        Assert.InRange(Rate(Benefit.Rsa, _ => true), 0.31, 0.37);
        Assert.InRange(Rate(Benefit.Aspa, _ => true), 0.45, 0.55);
        Assert.True(Rate(Benefit.Rsa, f => !synthetic.KnownToCaf[f]) > Rate(Benefit.Rsa, f => synthetic.KnownToCaf[f]));
        Assert.True(Rate(Benefit.Ppa, f => !synthetic.KnownToCaf[f]) > Rate(Benefit.Ppa, f => synthetic.KnownToCaf[f]));
        // Nobody receives what they are not entitled to.
        Assert.All(Enumerable.Range(0, synthetic.Entitled.Length), f => Assert.Equal(synthetic.Receives[f], synthetic.Receives[f] & synthetic.Entitled[f]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_file_and_it_reads_back()
    {
        var a = Synthesizer.Synthesize(2_000, seed: 9, Month.Of(2026, 6));
        var b = Synthesizer.Synthesize(2_000, seed: 9, Month.Of(2026, 6));
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        PopulationFile.Write(a, first);
        PopulationFile.Write(b, second);
        Assert.Equal(first.ToArray(), second.ToArray());

        var path = Path.Combine(Path.GetTempPath(), $"population-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllBytes(path, first.ToArray());
            var read = PopulationFile.Read(path);
            Assert.Equal(a.Population.Activity, read.Population.Activity);
            Assert.Equal(a.Population.Birth, read.Population.Birth);
            Assert.Equal(a.Receives, read.Receives);
            var original = Batch.Compute(a.Population, a.Reference, 1, Benefit.All);
            var again = Batch.Compute(read.Population, read.Reference, 1, Benefit.All);
            Assert.Equal(original.Rsa, again.Rsa);
            Assert.Equal(original.Ppa, again.Ppa);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
