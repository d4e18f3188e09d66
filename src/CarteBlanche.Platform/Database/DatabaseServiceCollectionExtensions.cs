using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Platform.Database;

public static class DatabaseServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "CarteBlanche.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "CarteBlanche.Migrations.Postgres";

    /// <summary>Registers the DbContext on the configured provider (web app and command line alike).</summary>
    public static IServiceCollection AddCarteBlancheDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .PostConfigure(o =>
            {
                o.PostgresConnectionString ??= configuration.GetConnectionString("Postgres");
                o.SqliteConnectionString ??= configuration.GetConnectionString("Sqlite");
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddDbContextFactory<CarteBlancheDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CarteBlancheDbContext>>().CreateDbContext());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(WithAutoPrepare(database.PostgresConnectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        else
        {
            var connectionString = database.ResolveSqliteConnectionString();
            var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
            {
                Directory.CreateDirectory(directory);
            }
            options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
        }
    }

    /// <summary>
    /// Npgsql prepares nothing by default: each of a page's twenty-odd statements is parsed and planned again. Prepared
    /// automatically (the 50 most used per connection), PostgreSQL's CPU per agent page halves (bench/README.md, load).
    /// A connection string that says « Max Auto Prepare » itself keeps its value.
    /// </summary>
    internal static string? WithAutoPrepare(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare")
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 50 }.ConnectionString;
    }

    /// <summary>
    /// Applies pending migrations; on SQLite, also switches to WAL so readers do not block the writer.
    /// Refuses, before touching anything, a database that holds migrations this version does not know:
    /// one made before the migrations were squashed (docs/adr/0013-migrations-squashed-until-the-first-release.md),
    /// or by a newer version.
    /// </summary>
    public static async Task MigrateAsync(this CarteBlancheDbContext db, CancellationToken cancellationToken = default)
    {
        var known = db.Database.GetMigrations().ToList();
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownMigrationsException(DescribeUnknown(unknown, known, db.Database.IsSqlite()));
        }
        if (!db.Database.IsSqlite())
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        await using (await SqliteMigrationLock.TakeAsync(db, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    internal static string DescribeUnknown(IReadOnlyList<string> unknown, IReadOnlyList<string> known, bool sqlite)
    {
        var where = sqlite ? "supprimez le fichier carteblanche.db du répertoire de données (Database:DataDirectory)" : "supprimez et recréez la base PostgreSQL";
        // Migration ids start with their creation time: older than our first one means made before the squash.
        var beforeSquash = known.Count > 0 && unknown.All(m => string.CompareOrdinal(m, known[0]) < 0);
        return beforeSquash
            ? $"Cette base de données a été créée avant le regroupement des migrations de Carte Blanche ({unknown.Count} migration(s) d'avant, dont {unknown[0]}) : "
              + $"elle ne peut pas être mise à jour, et rien n'y a été modifié. Sauvegardez-la si vous voulez en garder une trace, puis {where} "
              + "et relancez : une base neuve est créée (avec les données de démonstration en développement)."
            : $"Cette base de données contient {unknown.Count} migration(s) que cette version de Carte Blanche ne connaît pas (dont {unknown[0]}) : "
              + "elle a été mise à jour par une version plus récente. Rien n'y a été modifié : installez cette version plus récente.";
    }
}

/// <summary>The database holds migrations this version does not know; the message says in French what to do.</summary>
public sealed class UnknownMigrationsException(string message) : InvalidOperationException(message);

/// <summary>
/// On SQLite, EF Core marks a migration under way with a row of __EFMigrationsLock, removed at the end. A process killed
/// midway (kill -9, power cut) leaves the row, and every later migration, the app's start included, waits for it for
/// ever. So the migrating process first takes an operating-system lock on a file beside the database, which the system
/// releases when its holder dies whatever the way; holding it, a row left in __EFMigrationsLock can only be a dead
/// process's, and is removed.
/// </summary>
internal sealed class SqliteMigrationLock : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private readonly FileStream _file;

    private SqliteMigrationLock(FileStream file) => _file = file;

    public static async Task<SqliteMigrationLock> TakeAsync(CarteBlancheDbContext db, CancellationToken cancellationToken)
    {
        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var path = Path.GetFullPath(database) + ".migrations.lock";
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock (flock) between processes on Linux, released when the process ends.
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var held = new SqliteMigrationLock(file);
                try
                {
                    var stale = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'").SingleAsync(cancellationToken);
                    if (stale > 0)
                    {
                        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", cancellationToken);
                    }
                    return held;
                }
                catch
                {
                    await held.DisposeAsync();
                    throw;
                }
            }
            catch (IOException) when (DateTimeOffset.UtcNow - started < Patience)
            {
                // Another process of this installation is migrating this database: wait for it.
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"Un autre processus met à jour la base {database} depuis plus de {Patience.TotalMinutes:0} minutes ({path} est verrouillé) : attendez qu'il se termine ou arrêtez-le.", e);
            }
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
