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
            options.UseNpgsql(database.PostgresConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
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
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
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
