using CarteBlanche.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Cli;

/// <summary>The <c>carteblanche</c> command on a database of its own (audit verify is in AuditTests).</summary>
public abstract class CommandLineTests
{
    protected abstract TestDatabase NewDatabase();

    [Fact]
    public async Task Db_migrate_creates_the_schema_then_has_nothing_left_to_do()
    {
        using var database = NewDatabase();

        var first = await CliRunner.RunAsync(database, "db", "migrate");
        var second = await CliRunner.RunAsync(database, "db", "migrate");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Matches($@"Base {database.Provider} : \d+ migration\(s\) appliquée\(s\) : \d+_Initial", first.Output);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Contains("aucune migration en attente", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Territory_import_of_a_bad_file_exits_1_naming_file_and_line_and_imports_nothing()
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
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
    public async Task Territory_import_of_a_good_file_reports_what_it_added()
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
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
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCommandLineTests(PostgresServer server) : CommandLineTests
{
    protected override TestDatabase NewDatabase() => TestDatabase.Postgres(server, "cli");
}
