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

    public void Dispose()
    {
        if (PostgresConnectionString != null)
        {
            using var connection = new NpgsqlConnection(PostgresConnectionString);
            NpgsqlConnection.ClearPool(connection);
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
