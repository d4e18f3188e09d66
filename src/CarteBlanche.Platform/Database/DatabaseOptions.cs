using System.ComponentModel.DataAnnotations;

namespace CarteBlanche.Platform.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section "Database" of the configuration, shared by the web app and the command line.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary>Sqlite (default, a file in <see cref="DataDirectory"/>) or Postgres (ConnectionStrings:Postgres).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the embedded database, mail pickup directory and files live.
    /// Defaults to the user's local application data folder, so the web app and the
    /// command line find the same database whatever the current directory.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>Apply pending migrations when the web app starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public string? SqliteConnectionString { get; set; }

    public string? PostgresConnectionString { get; set; }

    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "carteblanche");

    public string SqlitePath => Path.Combine(Path.GetFullPath(DataDirectory), "carteblanche.db");

    public string ResolveSqliteConnectionString() =>
        string.IsNullOrWhiteSpace(SqliteConnectionString)
            ? $"Data Source={SqlitePath};Default Timeout=30;Foreign Keys=True"
            : SqliteConnectionString;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(PostgresConnectionString))
        {
            yield return new ValidationResult(
                "Database:Provider vaut Postgres mais ConnectionStrings:Postgres est vide.",
                ["ConnectionStrings:Postgres"]);
        }
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return new ValidationResult("Database:DataDirectory est vide.", ["Database:DataDirectory"]);
        }
    }
}
