using System.CommandLine;
using CarteBlanche.Platform;
using CarteBlanche.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Cli;

internal static class DbCommands
{
    private static async Task<int> RunAsync(Func<DatabaseBackup, Task> action, string done)
    {
        using var host = CliHost.Build();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            await action(scope.ServiceProvider.GetRequiredService<DatabaseBackup>());
        }
        catch (BackupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        Console.WriteLine(done);
        return 0;
    }

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

        var to = new Option<FileInfo>("--vers") { Description = "Fichier de sauvegarde à écrire (il ne doit pas exister).", Required = true };
        var backup = new Command("backup", "Sauvegarde toute la base pendant que l'application tourne : sauvegarde en ligne de SQLite, ou pg_dump (format custom) pour PostgreSQL. Le fichier n'apparaît qu'une fois complet.") { to };
        backup.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(to)!;
            return await RunAsync(backupper => backupper.BackupAsync(file.FullName, cancellationToken), $"Sauvegarde écrite : {file.FullName}");
        });
        db.Subcommands.Add(backup);

        var from = new Option<FileInfo>("--depuis") { Description = "Fichier de sauvegarde à restaurer.", Required = true };
        var yes = new Option<bool>("--oui") { Description = "Confirme le remplacement de toute la base par la sauvegarde." };
        var restore = new Command("restore", "Remplace toute la base par une sauvegarde (application arrêtée) ; vérifiez-la ensuite avec « audit verify ».") { from, yes };
        restore.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(from)!;
            if (!parse.GetValue(yes))
            {
                await Console.Error.WriteLineAsync($"La restauration remplace toute la base par {file.FullName}. Arrêtez l'application, puis relancez avec --oui.");
                return 2;
            }
            return await RunAsync(backupper => backupper.RestoreAsync(file.FullName, cancellationToken), $"Base restaurée depuis {file.FullName}. Vérifiez le journal : ./carteblanche audit verify");
        });
        db.Subcommands.Add(restore);

        var retention = new Command("retention", "Applique une fois les durées de conservation (tâches de rétention de la plateforme et des modules) à la base configurée : par exemple sur une sauvegarde restaurée, pour voir ce qu'elles effacent avant de les laisser tourner.");
        retention.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            if (!await DatabaseGuard.EnsureMigratedAsync(scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>(), cancellationToken))
            {
                return 2;
            }
            // The platform's job is registered with the web host's background work only; the modules' with their module.
            var jobs = new List<CarteBlanche.Platform.Jobs.IRecurringJob> { ActivatorUtilities.CreateInstance<CarteBlanche.Platform.Jobs.DataRetentionJob>(scope.ServiceProvider) };
            jobs.AddRange(scope.ServiceProvider.GetServices<CarteBlanche.Platform.Jobs.IRecurringJobRegistration>()
                .Select(r => (CarteBlanche.Platform.Jobs.IRecurringJob)scope.ServiceProvider.GetRequiredService(r.JobType))
                .Where(j => j.Name.EndsWith(".retention", StringComparison.Ordinal)));
            foreach (var job in jobs)
            {
                await job.RunAsync(cancellationToken);
                Console.WriteLine($"{job.Name} : fait");
            }
            return 0;
        });
        db.Subcommands.Add(retention);
        return db;
    }
}
