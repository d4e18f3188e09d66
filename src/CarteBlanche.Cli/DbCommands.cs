using System.CommandLine;
using CarteBlanche.Platform;
using CarteBlanche.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Cli;

internal static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "Base de données.");
        var migrate = new Command("migrate", "Applique les migrations en attente (SQLite ou PostgreSQL selon Database:Provider), puis crée les rôles et le territoire de référence s'ils manquent.");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var context = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            try
            {
                await context.MigrateAsync(cancellationToken);
            }
            catch (UnknownMigrationsException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
            await host.Services.InitialisePlatformAsync(seedDemoData: false, cancellationToken);
            Console.WriteLine(pending.Count == 0
                ? $"Base {options.Provider} à jour : aucune migration en attente."
                : $"Base {options.Provider} : {pending.Count} migration(s) appliquée(s) : {string.Join(", ", pending)}.");
            return 0;
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}
