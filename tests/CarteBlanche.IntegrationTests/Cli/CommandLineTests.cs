using CarteBlanche.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Cli;

/// <summary>The <c>carteblanche</c> command on a database of its own (audit verify is in AuditTests).</summary>
public abstract class CommandLineTests
{
    protected abstract TestDatabase NewDatabase();

    /// <summary>A copy of the run's demonstration database, for tests that start the app anyway.</summary>
    protected abstract TestDatabase NewDemoDatabase();

    [Fact]
    public async Task Db_migrate_creates_the_schema_then_has_nothing_left_to_do()
    {
        using var database = NewDatabase();

        var first = await CliRunner.RunAsync(database, "db", "migrate");
        var second = await CliRunner.RunAsync(database, "db", "migrate");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Matches($@"Base {database.Provider} : 1 migration\(s\) appliquée\(s\) : \d+_Initial\.", first.Output);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Contains("aucune migration en attente", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_restored_into_another_database_passes_audit_verify_with_the_same_journal()
    {
        using var source = NewDemoDatabase();
        var (old, recent) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var app = new CarteBlancheFactory(source, ownsDatabase: false))
        {
            var now = DateTimeOffset.UtcNow;
            await app.WithDbAsync(db =>
            {
                db.OutboxMessages.AddRange(
                    new CarteBlanche.Platform.Notifications.OutboxMessage { Id = old, Recipient = "ancien@example.fr", Body = "Envoyé il y a 40 jours", CreatedAt = now.AddDays(-40), Status = CarteBlanche.Platform.Notifications.OutboxStatus.Sent, SentAt = now.AddDays(-40) },
                    new CarteBlanche.Platform.Notifications.OutboxMessage { Id = recent, Recipient = "recent@example.fr", Body = "Envoyé hier", CreatedAt = now.AddDays(-1), Status = CarteBlanche.Platform.Notifications.OutboxStatus.Sent, SentAt = now.AddDays(-1) });
                return db.SaveChangesAsync();
            });
            for (var i = 1; i <= 3; i++)
            {
                await app.InScopeAsync(sp => sp.GetRequiredService<CarteBlanche.Platform.Audit.IAuditLog>().RecordAsync(
                    new CarteBlanche.Platform.Audit.AuditEvent($"test.sauvegarde-{i}", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), CarteBlanche.Platform.Audit.AuditPurpose.Test)));
            }
        }
        var file = Path.Combine(source.DataDirectory, "sauvegarde.bak");

        var backedUp = await CliRunner.RunAsync(source, "db", "backup", "--vers", file);
        Assert.True(backedUp.ExitCode == 0, backedUp.Output + backedUp.Error);
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(file + ".partiel"));
        var again = await CliRunner.RunAsync(source, "db", "backup", "--vers", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("existe déjà", again.Error, StringComparison.Ordinal);
        var original = await CliRunner.RunAsync(source, "audit", "verify");
        Assert.True(original.ExitCode == 0, original.Output + original.Error);

        using var target = NewDatabase();
        var unconfirmed = await CliRunner.RunAsync(target, "db", "restore", "--depuis", file);
        Assert.Equal(2, unconfirmed.ExitCode);
        Assert.Contains("relancez avec --oui", unconfirmed.Error, StringComparison.Ordinal);
        var notABackup = Path.Combine(target.DataDirectory, "notes.txt");
        await File.WriteAllTextAsync(notABackup, "pas une sauvegarde");
        var refused = await CliRunner.RunAsync(target, "db", "restore", "--depuis", notABackup, "--oui");
        Assert.Equal(1, refused.ExitCode);

        var restored = await CliRunner.RunAsync(target, "db", "restore", "--depuis", file, "--oui");
        Assert.True(restored.ExitCode == 0, restored.Output + restored.Error);
        var verified = await CliRunner.RunAsync(target, "audit", "verify");
        Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
        // The same journal, entry for entry: « Journal d'audit intact : N entrée(s) vérifiée(s) ».
        Assert.Equal(System.Text.RegularExpressions.Regex.Match(original.Output, @"intact : \d+ entrée").Value, System.Text.RegularExpressions.Regex.Match(verified.Output, @"intact : \d+ entrée").Value);
        Assert.Matches(@"intact : [1-9]\d* entrée", verified.Output);
        var migrated = await CliRunner.RunAsync(target, "db", "migrate");
        Assert.Contains("aucune migration en attente", migrated.Output, StringComparison.Ordinal);

        // The retention jobs, proven on the restored copy: the 40-day-old message goes, yesterday's stays, the journal holds.
        var retention = await CliRunner.RunAsync(target, "db", "retention");
        Assert.True(retention.ExitCode == 0, retention.Output + retention.Error);
        Assert.Contains("platform.data-retention : fait", retention.Output, StringComparison.Ordinal);
        Assert.Contains("desk.retention : fait", retention.Output, StringComparison.Ordinal);
        await using (var restoredApp = new CarteBlancheFactory(target, ownsDatabase: false))
        {
            var left = await restoredApp.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == old || m.Id == recent).Select(m => m.Id).ToListAsync());
            Assert.Equal([recent], left);
        }
        Assert.Equal(0, (await CliRunner.RunAsync(target, "audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task A_database_made_before_the_migrations_were_squashed_is_refused_untouched_with_what_to_do()
    {
        using var database = NewDatabase();
        // What a database of 2026-11-24 held: the history of the migrations applied since, the first one gone since the squash.
        await ExecuteAsync(database, """CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) NOT NULL PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL)""");
        await ExecuteAsync(database, """INSERT INTO "__EFMigrationsHistory" VALUES ('20261124022532_Initial', '10.0.0'), ('20261124025902_DeskResidentsCases', '10.0.0')""");

        var cli = await CliRunner.RunAsync(database, "db", "migrate");

        Assert.True(cli.ExitCode == 1, $"exit {cli.ExitCode}\n{cli.Output}\n{cli.Error}");
        Assert.Contains("Cette base de données a été créée avant le regroupement des migrations de Carte Blanche (2 migration(s) d'avant, dont 20261124022532_Initial)", cli.Error, StringComparison.Ordinal);
        Assert.Contains("rien n'y a été modifié", cli.Error, StringComparison.Ordinal);
        Assert.Equal(2L, await CountAsync(database, """SELECT COUNT(*) FROM "__EFMigrationsHistory" """));

        await using var app = new CarteBlancheFactory(database, ownsDatabase: false);
        var error = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("créée avant le regroupement des migrations", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = Open(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = Open(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static System.Data.Common.DbConnection Open(TestDatabase database)
    {
        System.Data.Common.DbConnection connection = database.Provider == CarteBlanche.Platform.Database.DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnection(database.PostgresConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(new CarteBlanche.Platform.Database.DatabaseOptions { DataDirectory = database.DataDirectory }.ResolveSqliteConnectionString());
        connection.Open();
        return connection;
    }

    [Fact]
    public async Task Territory_import_of_a_bad_file_exits_1_naming_file_and_line_and_imports_nothing()
    {
        await using var app = new CarteBlancheFactory(NewDemoDatabase());
        var before = await app.WithDbAsync(db => db.Communes.CountAsync());
        var file = Path.Combine(app.Database.DataDirectory, "communes.csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "insee_code,name,population_2026,postal_code,epci_siren,epci_name,latitude,longitude",
            "46921,Bonne Ligne,100,46100,200099921,CC Test,44.5,1.5",
            "46922,Bonne Ligne Deux,100,46100,200099921,CC Test,44.5,1.5",
            "46042,Cahors en double,100,46100,200099921,CC Test,44.5,1.5",
            "46042,Cahors en double,100,46100,200099921,CC Test,44.5,1.5"));

        var result = await CliRunner.RunAsync(app.Database, "territory", "import", file);

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains("communes.csv : 1 erreur(s), rien n'a été importé.", result.Error, StringComparison.Ordinal);
        Assert.Contains("communes.csv, ligne 5, insee_code : la commune 46042 figure déjà ligne 4", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Communes.CountAsync()));
    }

    [Fact]
    public async Task Rights_import_brings_an_operators_file_in_or_names_its_errors_and_keeps_the_previous_data()
    {
        await using var app = new CarteBlancheFactory(NewDemoDatabase());
        _ = app.Services; // the app has migrated and seeded the demonstration convention
        var good = Path.Combine(app.Database.DataDirectory, "caf.csv");
        await File.WriteAllTextAsync(good, "identifiant;nom_naissance;prenoms;sexe;date_naissance;rsa\nA1;Delmas;Odette;F;1984-12-12;oui\nA2;Roques;Jean;M;1980-01-01;non\n");
        var title = CarteBlanche.Rights.RightsDemoData.ConventionTitle;

        var imported = await CliRunner.RunAsync(app.Database, "rights", "import", good, "--convention", title, "--organisme", "CAF");
        Assert.True(imported.ExitCode == 0, $"exit {imported.ExitCode}\n{imported.Output}\n{imported.Error}");
        Assert.Contains("caf.csv : 2 personne(s) importée(s)", imported.Output, StringComparison.Ordinal);

        var bad = Path.Combine(app.Database.DataDirectory, "caf-2.csv");
        await File.WriteAllTextAsync(bad, "identifiant;nom_naissance;prenoms;sexe;date_naissance;rsa\nB1;Vidal;Anne;F;1990-08-15;peut-etre\n");
        var refused = await CliRunner.RunAsync(app.Database, "rights", "import", bad, "--convention", title, "--organisme", "CAF");
        Assert.True(refused.ExitCode == 1, $"exit {refused.ExitCode}\n{refused.Output}\n{refused.Error}");
        Assert.Contains("caf-2.csv, ligne 2 : « rsa » = « peut-etre » : oui ou non est attendu", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<CarteBlanche.Rights.Exchange.OperatorRecord>().CountAsync()));
    }

    [Fact]
    public async Task Territory_import_of_a_good_file_reports_what_it_added()
    {
        await using var app = new CarteBlancheFactory(NewDemoDatabase());
        _ = app.Services; // the app has migrated and loaded the reference territory
        var file = Path.Combine(app.Database.DataDirectory, "nouvelles.csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "insee_code,name,population_2026,postal_code,epci_siren,epci_name,latitude,longitude",
            "46931,Nouvelle,100,46100,200099931,CC Nouvelle,44.5,1.5",
            "46042,Cahors,20100,46000,200023737,CA du Grand Cahors,44.45072,1.44062"));

        var result = await CliRunner.RunAsync(app.Database, "territory", "import", file);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains("nouvelles.csv : 1 commune(s) ajoutée(s), 1 mise(s) à jour, 1 EPCI ajouté(s).", result.Output, StringComparison.Ordinal);
        Assert.Equal(20100, await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == "46042").Select(c => c.Population).SingleAsync()));
    }
}

public sealed class SqliteCommandLineTests : CommandLineTests
{
    protected override TestDatabase NewDatabase() => TestDatabase.Sqlite();
    protected override TestDatabase NewDemoDatabase() => TestDatabase.SqliteWithDemoData();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCommandLineTests(PostgresServer server) : CommandLineTests
{
    protected override TestDatabase NewDatabase() => TestDatabase.Postgres(server, "cli");
    protected override TestDatabase NewDemoDatabase() => TestDatabase.PostgresWithDemoData(server, "cli");
}
