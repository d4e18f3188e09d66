using CarteBlanche.IntegrationTests.Infrastructure;
using Xunit;

namespace CarteBlanche.IntegrationTests.Cli;

/// <summary>carteblanche tours plan, as a coordinator would run it on a communes file.</summary>
public sealed class TourCommandTests
{
    private static string CahorsCsv => Path.Combine(AppContext.BaseDirectory, "Tours", "communes-bassin-de-vie-cahors.csv");

    [Fact]
    public async Task Tours_plan_prints_the_timetable_the_figures_and_why_communes_are_left_out()
    {
        using var database = TestDatabase.Sqlite();

        var result = await CliRunner.RunAsync(database, "tours", "plan", "--communes", CahorsCsv, "--start", "2027-03-01", "--time-limit", "1", "--exclude", "46256");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Horaire du cycle :", result.Output, StringComparison.Ordinal);
        Assert.Contains("09:00–12:00", result.Output, StringComparison.Ordinal);
        Assert.Contains("Habitants isolés atteints :", result.Output, StringComparison.Ordinal);
        Assert.Contains("Saint-Cirq-Lapopie (46256) : Exclue par le coordinateur.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_or_impossible_pins_are_named()
    {
        using var database = TestDatabase.Sqlite();
        var bad = Path.Combine(database.DataDirectory, "communes.csv");
        await File.WriteAllTextAsync(bad, "insee_code,name,population,latitude,longitude\n46042,Cahors,20050,44.45,1.44\n46013,Bach,beaucoup,44.35,1.67\n");

        var badFile = await CliRunner.RunAsync(database, "tours", "plan", "--communes", bad);
        Assert.Equal(2, badFile.ExitCode);
        Assert.Contains("communes.csv, ligne 3 : population « beaucoup » invalide.", badFile.Error, StringComparison.Ordinal);

        var pins = await CliRunner.RunAsync(database, "tours", "plan", "--communes", CahorsCsv, "--start", "2027-03-01", "--cycle-days", "1", "--pin", "46013,46027,46037");
        Assert.Equal(1, pins.ExitCode);
        Assert.Contains("3 passages épinglés pour 2 demi-journées disponibles", pins.Error, StringComparison.Ordinal);
    }
}
