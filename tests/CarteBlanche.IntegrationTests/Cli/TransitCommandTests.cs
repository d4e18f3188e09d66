using CarteBlanche.IntegrationTests.Infrastructure;
using Xunit;

namespace CarteBlanche.IntegrationTests.Cli;

/// <summary>carteblanche transit, on the hand-made Cahors feed and on broken copies of it.</summary>
public sealed class TransitCommandTests
{
    private static string Feed => Path.Combine(AppContext.BaseDirectory, "Transit", "cahors");

    [Fact]
    public async Task Validate_prints_the_report_and_fails_only_on_a_fatal_issue()
    {
        using var database = TestDatabase.Sqlite();
        var html = Path.Combine(database.DataDirectory, "rapport.html");
        var good = await CliRunner.RunAsync(database, "transit", "validate", Feed, "--html", html);
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("\"Fatal\": 0", good.Output, StringComparison.Ordinal);
        Assert.Contains("<h1>Validation du jeu de données", await File.ReadAllTextAsync(html), StringComparison.Ordinal);

        var broken = Path.Combine(database.DataDirectory, "casse");
        Directory.CreateDirectory(broken);
        foreach (var file in Directory.GetFiles(Feed))
        {
            File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
        }
        var stopTimes = Path.Combine(broken, "stop_times.txt");
        await File.WriteAllTextAsync(stopTimes, (await File.ReadAllTextAsync(stopTimes)).Replace("trip_id,arrival_time,departure_time,stop_id", "trip_id,arrival_time,departure_time,arret", StringComparison.Ordinal));
        var bad = await CliRunner.RunAsync(database, "transit", "validate", broken);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("MissingMandatoryColumn", bad.Output, StringComparison.Ordinal);
        Assert.Contains("Colonne(s) obligatoire(s) absente(s) : stop_id.", bad.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.Output + bad.Error, StringComparison.Ordinal); // no stack trace

        var plan = await CliRunner.RunAsync(database, "transit", "plan", broken, "--from", "CAH_MITT", "--to", "LHE_EGLISE", "--at", "2026-11-30T10:00");
        Assert.Equal(2, plan.ExitCode);
        Assert.Contains("MissingMandatoryColumn (stop_times.txt, ligne 1)", plan.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_finds_tomorrow_s_on_demand_bus_with_its_phone_number_and_arrive_by_leaves_as_late_as_possible()
    {
        using var database = TestDatabase.Sqlite();
        var plan = await CliRunner.RunAsync(database, "transit", "plan", Feed, "--from", "CAH_MITT", "--to", "LHE_EGLISE", "--at", "2026-11-30T10:00");
        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("arrivée mardi 1 décembre 09:45", plan.Output, StringComparison.Ordinal);
        Assert.Contains("réservation obligatoire : 05 65 35 04 32", plan.Output, StringComparison.Ordinal);

        var arriveBy = await CliRunner.RunAsync(database, "transit", "plan", Feed, "--from", "PRA_MAIRIE", "--to", "CAH_HOP", "--at", "2026-12-01T09:00", "--arrive-by");
        Assert.Contains("Départ mardi 1 décembre 08:30, arrivée mardi 1 décembre 08:54", arriveBy.Output, StringComparison.Ordinal);

        // From a position 200 m from Pradines Mairie: the journey leaves with the walk, four minutes before the 8:00 bus.
        var fromPosition = await CliRunner.RunAsync(database, "transit", "plan", Feed, "--from", "44.4850,1.4050", "--to", "CAH_HOP", "--at", "2026-12-01T07:50");
        Assert.Contains("Départ mardi 1 décembre 07:56, arrivée mardi 1 décembre 08:24", fromPosition.Output, StringComparison.Ordinal);
        Assert.Contains("07:56 à pied 4 min jusqu'à Pradines Mairie", fromPosition.Output, StringComparison.Ordinal);

        var unknown = await CliRunner.RunAsync(database, "transit", "plan", Feed, "--from", "NULLE_PART", "--to", "CAH_HOP", "--at", "2026-12-01T09:00");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("« NULLE_PART » : ni un identifiant d'arrêt du jeu, ni une position lat,lon.", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_reads_dates_in_ISO_only_converts_offsets_and_refuses_days_and_dates_it_cannot_search()
    {
        using var database = TestDatabase.Sqlite();
        async Task<CliResult> PlanAsync(params string[] extra) =>
            await CliRunner.RunAsync(database, ["transit", "plan", Feed, "--from", "44.4850,1.4050", "--to", "CAH_HOP", .. extra]);

        // 06:50 UTC is 07:50 in Paris: the same journey as 07:50 local.
        var withOffset = await PlanAsync("--at", "2026-12-01T06:50Z");
        Assert.Contains("Départ mardi 1 décembre 07:56, arrivée mardi 1 décembre 08:24", withOffset.Output, StringComparison.Ordinal);
        var newYork = await PlanAsync("--at", "2026-12-01T01:50-05:00");
        Assert.Contains("Départ mardi 1 décembre 07:56, arrivée mardi 1 décembre 08:24", newYork.Output, StringComparison.Ordinal);

        var french = await PlanAsync("--at", "01/12/2026");
        Assert.Equal(2, french.ExitCode);
        Assert.Contains("--at : « 01/12/2026 » n'est pas une date et heure ISO", french.Error, StringComparison.Ordinal);

        foreach (var days in new[] { "0", "-1", "20" })
        {
            var refused = await PlanAsync("--at", "2026-12-01T07:50", "--days", days);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains($"--days : {days} jours ; entre 1 et 5", refused.Error, StringComparison.Ordinal);
        }

        var outside = await PlanAsync("--at", "2031-06-02T08:00");
        Assert.Equal(2, outside.ExitCode);
        Assert.Matches(@"--at : le 02/06/2031 est hors du calendrier : le jeu couvre du \d{2}/\d{2}/\d{4} au \d{2}/\d{2}/\d{4}\.", outside.Error);
    }

    [Fact]
    public async Task Bench_prints_one_figure_per_line()
    {
        using var database = TestDatabase.Sqlite();
        var bench = await CliRunner.RunAsync(database, "transit", "bench", "synthetique:200:20:4", "--queries", "50");
        Assert.Equal(0, bench.ExitCode);
        foreach (var name in new[] { "import_s", "memory_mb", "stops", "stop_times", "queries", "answered", "p50_ms", "p95_ms", "p99_ms" })
        {
            Assert.Matches($@"(?m)^{name}: [0-9.]+$", bench.Output);
        }
    }
}
