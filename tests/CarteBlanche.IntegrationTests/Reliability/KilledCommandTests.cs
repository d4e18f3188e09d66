using System.Globalization;
using System.Text;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Database;
using CarteBlanche.Rights;
using CarteBlanche.Rights.Campaigns;
using CarteBlanche.Rights.Exchange;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;
using BenefitsMonth = CarteBlanche.Benefits.Month;

namespace CarteBlanche.IntegrationTests.Reliability;

/// <summary>
/// The long commands killed with SIGKILL midway (a crash, a power cut, an operator's kill -9), then run again: an
/// operator's file import, a non-take-up campaign, the migrations of a new database and a territory import. Nothing
/// half-written is ever current, what was there stays, the next run finishes the work, and the audit journal verifies.
/// </summary>
public abstract class KilledCommandTests(Func<string, TestDatabase> newDatabase, Func<string, TestDatabase> newDemoDatabase)
{
    [Fact]
    public async Task An_operator_file_import_killed_midway_leaves_the_previous_file_current_and_the_next_import_replaces_it_whole()
    {
        using var database = newDemoDatabase("kill-import");
        var directory = Directory.CreateTempSubdirectory("cb-kill-import-");
        try
        {
            var month = LastMonth();
            var small = SyntheticLot.Write(Path.Combine(directory.FullName, "petit"), 200, 1, month);
            var big = SyntheticLot.Write(Path.Combine(directory.FullName, "grand"), 10_000, 2, month);
            var first = await CliRunner.RunAsync(database, "rights", "import", small.Caf, "--convention", RightsDemoData.ConventionTitle, "--organisme", "CAF du Lot");
            Assert.True(first.ExitCode == 0, first.Output + first.Error);
            var (firstImport, firstRows) = await CurrentCafImportAsync(database);

            // Killed twice: while the rows are written (20 %), and at the end of the writing (90 %), before the switch.
            foreach (var percent in new[] { 20, 90 })
            {
                using var command = CliRunner.Start(database, "rights", "import", big.Caf, "--convention", RightsDemoData.ConventionTitle, "--organisme", "CAF du Lot");
                Assert.True(await command.WaitForLineAsync(line => ProgressOf(line) >= percent), command.Output);
                Assert.True(await command.KillAsync(), "the import ended before it could be killed");

                // The previous file is still the CAF's current data, whole; the killed import is not current.
                Assert.Equal((firstImport, firstRows), await CurrentCafImportAsync(database));
                await using var app = new CarteBlancheFactory(database, ownsDatabase: false);
                Assert.Equal(firstRows, await app.WithDbAsync(db => db.Set<OperatorRecord>().CountAsync(r => r.ImportId == firstImport)));
                Assert.True(await app.WithDbAsync(db => db.Set<OperatorImport>().AnyAsync(i => i.Status == ImportStatus.Running && !i.IsCurrent)));
            }

            var last = await CliRunner.RunAsync(database, "rights", "import", big.Caf, "--convention", RightsDemoData.ConventionTitle, "--organisme", "CAF du Lot");
            Assert.True(last.ExitCode == 0, last.Output + last.Error);
            var (lastImport, lastRows) = await CurrentCafImportAsync(database);
            Assert.NotEqual(firstImport, lastImport);
            await using (var app = new CarteBlancheFactory(database, ownsDatabase: false))
            {
                // The killed imports and their rows are gone; the CAF's records are exactly the last file's.
                Assert.False(await app.WithDbAsync(db => db.Set<OperatorImport>().AnyAsync(i => i.Status == ImportStatus.Running)));
                var caf = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "CAF du Lot").Select(o => o.Id).SingleAsync());
                var cafRecords = await app.WithDbAsync(db => (from r in db.Set<OperatorRecord>() join i in db.Set<OperatorImport>() on r.ImportId equals i.Id where i.OperatorId == caf select r).CountAsync());
                Assert.Equal(lastRows, cafRecords);
            }
            await AssertJournalVerifiesAsync(database);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_campaign_killed_midway_shows_no_signal_and_the_next_one_marks_it_interrupted_then_runs()
    {
        using var database = newDemoDatabase("kill-campaign");
        var directory = Directory.CreateTempSubdirectory("cb-kill-campaign-");
        try
        {
            var month = LastMonth();
            var lot = SyntheticLot.Write(directory.FullName, 2_500, 3, month);
            foreach (var (file, organisation) in new[] { (lot.Caf, "CAF du Lot"), (lot.FranceTravail, "France Travail"), (lot.Cpam, "CPAM du Lot") })
            {
                var imported = await CliRunner.RunAsync(database, "rights", "import", file, "--convention", RightsDemoData.ConventionTitle, "--organisme", organisation);
                Assert.True(imported.ExitCode == 0, imported.Output + imported.Error);
            }

            await using var app = new CarteBlancheFactory(database, ownsDatabase: false);
            using (var command = CliRunner.Start(database, "rights", "campaign", "--convention", RightsDemoData.ConventionTitle, "--mois", month.ToString()))
            {
                // Killed once the campaign is under way (its progress bar moved), before it finished.
                Assert.True(await command.WaitUntilAsync(() => app.WithDbAsync(db => db.Set<Campaign>().AnyAsync(c => c.Status == CampaignStatus.Running && c.Progress > 0))), command.Output);
                Assert.True(await command.KillAsync(), "the campaign ended before it could be killed");
            }
            var killed = await app.WithDbAsync(db => db.Set<Campaign>().AsNoTracking().SingleAsync());
            Assert.Equal(CampaignStatus.Running, killed.Status);
            // Its signals, matches and links to review are written together at the end: none of them is there.
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<Signal>().CountAsync()));
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<ResidentMatch>().CountAsync()));
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<LinkReview>().CountAsync()));

            // Right after, a campaign is refused (the killed one looks as if it were still running, for 15 minutes)...
            var refused = await CliRunner.RunAsync(database, "rights", "campaign", "--convention", RightsDemoData.ConventionTitle, "--mois", month.ToString());
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("déjà en cours", refused.Error, StringComparison.Ordinal);
            // ... and once that time has passed, the next one marks it interrupted and runs to the end.
            var longAgo = killed.StartedAt.AddMinutes(-16);
            await app.WithDbAsync(db => db.Set<Campaign>().Where(c => c.Id == killed.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.StartedAt, longAgo)));
            var again = await CliRunner.RunAsync(database, "rights", "campaign", "--convention", RightsDemoData.ConventionTitle, "--mois", month.ToString());
            Assert.True(again.ExitCode == 0, again.Output + again.Error);
            var campaigns = await app.WithDbAsync(db => db.Set<Campaign>().AsNoTracking().ToListAsync());
            Assert.Equal(CampaignStatus.Failed, campaigns.Single(c => c.Id == killed.Id).Status);
            Assert.StartsWith("Interrompue", campaigns.Single(c => c.Id == killed.Id).Failure, StringComparison.Ordinal);
            var done = campaigns.Single(c => c.Id != killed.Id);
            Assert.Equal(CampaignStatus.Succeeded, done.Status);
            Assert.True(await app.WithDbAsync(db => db.Set<Signal>().CountAsync(s => s.CampaignId == done.Id)) > 0);
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<Signal>().CountAsync(s => s.CampaignId == killed.Id)));
            await AssertJournalVerifiesAsync(database);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_migrations_of_a_new_database_killed_at_any_moment_resume_and_leave_a_working_database()
    {
        using var database = newDatabase("kill-migrate");
        // Killed at several moments of its run (a migration takes 3 to 6 s here, start-up included), then run to the end.
        var kills = 0;
        foreach (var seconds in new[] { 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0 })
        {
            using var command = CliRunner.Start(database, "db", "migrate");
            await Task.WhenAny(command.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(seconds)));
            if (await command.KillAsync())
            {
                kills++;
            }
            else
            {
                Assert.True(await command.WaitForExitAsync() == 0, command.Output);
            }
        }
        Assert.True(kills >= 2, $"only {kills} kills before the migration finished");

        var finished = await CliRunner.RunAsync(database, "db", "migrate");
        Assert.True(finished.ExitCode == 0, finished.Output + finished.Error);
        var again = await CliRunner.RunAsync(database, "db", "migrate");
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Contains("aucune migration en attente", again.Output, StringComparison.Ordinal);
        // The reference territory is whole: its 59 communes and their EPCIs.
        Assert.Equal(59, await ScalarAsync(database, "SELECT COUNT(*) FROM platform_communes"));
        Assert.Equal(0, await ScalarAsync(database, "SELECT COUNT(*) FROM platform_communes WHERE \"EpciSiren\" NOT IN (SELECT \"Siren\" FROM platform_epcis)"));
        await AssertJournalVerifiesAsync(database);
    }

    [Fact]
    public async Task A_territory_import_killed_midway_changes_nothing_and_the_next_one_imports_every_commune()
    {
        using var database = newDemoDatabase("kill-territory");
        var before = await ScalarAsync(database, "SELECT COUNT(*) FROM platform_communes");
        var file = Path.Combine(database.DataDirectory, "communes-de-france.csv");
        await File.WriteAllTextAsync(file, ManyCommunes(10_000), Encoding.UTF8);

        // Killed at several moments (the import of 10,000 communes takes a few seconds here, start-up included), then run to the end.
        var kills = 0;
        foreach (var seconds in new[] { 1.5, 2.5, 3.5 })
        {
            using var command = CliRunner.Start(database, "territory", "import", file);
            await Task.WhenAny(command.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(seconds)));
            if (!await command.KillAsync())
            {
                break; // it finished: the checks below see the whole import
            }
            kills++;
            // Whatever it was doing, not one commune or EPCI of the file is there.
            Assert.Equal(before, await ScalarAsync(database, "SELECT COUNT(*) FROM platform_communes"));
            Assert.Equal(0, await ScalarAsync(database, "SELECT COUNT(*) FROM platform_epcis WHERE \"Siren\" LIKE '99%'"));
        }
        Assert.True(kills >= 1, "the import finished before it could be killed");
        var imported = await CliRunner.RunAsync(database, "territory", "import", file);
        Assert.True(imported.ExitCode == 0, imported.Output + imported.Error);
        Assert.Equal(before + 10_000, await ScalarAsync(database, "SELECT COUNT(*) FROM platform_communes"));
        await AssertJournalVerifiesAsync(database);
    }

    private static BenefitsMonth LastMonth()
    {
        var today = ParisClock.DayOf(DateTimeOffset.UtcNow);
        return BenefitsMonth.Of(today.Year, today.Month).AddMonths(-1);
    }

    /// <summary>The « N % » progress lines of the import command.</summary>
    private static int ProgressOf(string line) =>
        line.EndsWith(" %", StringComparison.Ordinal) && int.TryParse(line[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var percent) ? percent : -1;

    private static async Task<(Guid Import, int Rows)> CurrentCafImportAsync(TestDatabase database)
    {
        await using var app = new CarteBlancheFactory(database, ownsDatabase: false);
        return await app.WithDbAsync(async db =>
        {
            var caf = await db.Organisations.Where(o => o.Name == "CAF du Lot").Select(o => o.Id).SingleAsync();
            var current = await db.Set<OperatorImport>().AsNoTracking().SingleAsync(i => i.OperatorId == caf && i.IsCurrent);
            return (current.Id, current.Rows);
        });
    }

    /// <summary>Communes made up for the size of France (codes 10000 and up, EPCIs with SIRENs 99xxxxxxx).</summary>
    private static string ManyCommunes(int count)
    {
        var csv = new StringBuilder("insee_code,name,population_2026,postal_code,epci_siren,epci_name,latitude,longitude\n");
        for (var i = 0; i < count; i++)
        {
            var code = (10_000 + i).ToString(CultureInfo.InvariantCulture);
            var epci = (990_000_000 + (i / 25)).ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{code},Commune {i},{100 + (i % 5000)},{code},{epci},Communauté {i / 25},{44 + (i % 100) / 100.0},{1 + (i % 100) / 100.0}\n");
        }
        return csv.ToString();
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(database.PostgresConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        await using var sqlite = new SqliteConnection(new DatabaseOptions { DataDirectory = database.DataDirectory }.ResolveSqliteConnectionString());
        await sqlite.OpenAsync();
        await using var query = sqlite.CreateCommand();
        query.CommandText = sql;
        return Convert.ToInt64(await query.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task AssertJournalVerifiesAsync(TestDatabase database)
    {
        var verified = await CliRunner.RunAsync(database, "audit", "verify");
        Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
    }
}

public sealed class SqliteKilledCommandTests() : KilledCommandTests(_ => TestDatabase.Sqlite(), _ => TestDatabase.SqliteWithDemoData());

[Collection(PostgresCollection.Name)]
public sealed class PostgresKilledCommandTests(PostgresServer server) : KilledCommandTests(hint => TestDatabase.Postgres(server, hint), hint => TestDatabase.PostgresWithDemoData(server, hint));
