using System.Collections.Concurrent;
using CarteBlanche.Platform.Database;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CarteBlanche.IntegrationTests.Infrastructure;

/// <summary>
/// Where one test host (or several, sharing it) keeps its data: a temporary data directory
/// (the SQLite file, the mail pickup directory) and, for PostgreSQL, a database of its own.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(DatabaseProvider provider, string? postgresConnectionString)
    {
        Provider = provider;
        PostgresConnectionString = postgresConnectionString;
        DataDirectory = Path.Combine(Path.GetTempPath(), "cb-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataDirectory);
    }

    public DatabaseProvider Provider { get; }
    public string DataDirectory { get; }
    public string? PostgresConnectionString { get; }

    /// <summary>Where the e-mails land ("Smtp:PickupDirectory" is "mail", relative to the data directory).</summary>
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    public static TestDatabase Sqlite() => new(DatabaseProvider.Sqlite, null);

    public static TestDatabase Postgres(PostgresServer server, string hint) => new(DatabaseProvider.Postgres, server.CreateDatabase(hint));

    /// <summary>
    /// A copy of a database migrated and seeded with the demonstration data once per test run, by a
    /// host on the system clock with the test settings: what <see cref="SqliteFactory"/> and
    /// <see cref="PostgresFactory"/> start on, instead of migrating, seeding and planning a bus cycle
    /// each. Hosts on a test clock or other settings start from an empty database instead.
    /// </summary>
    public static TestDatabase SqliteWithDemoData()
    {
        var database = Sqlite();
        foreach (var file in Directory.EnumerateFiles(_sqliteTemplate.Value))
        {
            File.Copy(file, Path.Combine(database.DataDirectory, Path.GetFileName(file)));
        }
        return database;
    }

    /// <inheritdoc cref="SqliteWithDemoData"/>
    public static TestDatabase PostgresWithDemoData(PostgresServer server, string hint)
    {
        var template = _postgresTemplates.GetOrAdd(server, s => new Lazy<string>(() => MakePostgresTemplate(s))).Value;
        return new(DatabaseProvider.Postgres, server.CreateDatabase(hint, template));
    }

    private static readonly Lazy<string> _sqliteTemplate = new(MakeSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<PostgresServer, Lazy<string>> _postgresTemplates = new();

    private static string MakeSqliteTemplate()
    {
        var template = Sqlite();
        StartOnce(template);
        SqliteConnection.ClearAllPools(); // closes the file: the copies get a complete database (no pending write-ahead log)
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        return template.DataDirectory;
    }

    private static string MakePostgresTemplate(PostgresServer server)
    {
        var template = Postgres(server, "template");
        StartOnce(template);
        ClearPostgresPools(template.PostgresConnectionString!); // PostgreSQL copies a template only when nobody is connected to it
        return new NpgsqlConnectionStringBuilder(template.PostgresConnectionString).Database!;
    }

    private static void StartOnce(TestDatabase database)
    {
        using var app = new CarteBlancheFactory(database, ownsDatabase: false);
        _ = app.Services;
    }

    public static TestDatabase Create(DatabaseProvider provider, PostgresServer? server, string hint) =>
        provider == DatabaseProvider.Postgres
            ? Postgres(server ?? throw new ArgumentNullException(nameof(server), "PostgreSQL tests need the PostgresServer fixture"), hint)
            : Sqlite();

    /// <summary>The configuration that points a host (web app or command line) at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:DataDirectory"] = DataDirectory,
        ["ConnectionStrings:Postgres"] = PostgresConnectionString ?? "",
        ["Audit:CheckpointKey"] = CheckpointKey,
    };

    /// <summary>The key that signs the audit checkpoints of the hosts started on this database (the command line runs in Production).</summary>
    public const string CheckpointKey = "test-audit-checkpoint-key-0123456789abcdef";

    /// <summary>Closes the idle connections of the tests' pool and of the app's (its connection string adds auto-prepare: another pool).</summary>
    private static void ClearPostgresPools(string connectionString)
    {
        foreach (var pooled in new[] { connectionString, DatabaseServiceCollectionExtensions.WithAutoPrepare(connectionString)! })
        {
            using var connection = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    public void Dispose()
    {
        if (PostgresConnectionString != null)
        {
            ClearPostgresPools(PostgresConnectionString);
        }
        else
        {
            using var connection = new SqliteConnection(new DatabaseOptions { DataDirectory = DataDirectory }.ResolveSqliteConnectionString());
            SqliteConnection.ClearPool(connection);
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
