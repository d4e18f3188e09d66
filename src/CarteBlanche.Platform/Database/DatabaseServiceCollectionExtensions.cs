using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Applies pending migrations; on SQLite, also switches to WAL so readers do not block the writer.</summary>
    public static async Task MigrateAsync(this CarteBlancheDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
