using System.CommandLine;
using CarteBlanche.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Cli;

internal static class AuditCommands
{
    public static Command Create()
    {
        var audit = new Command("audit", "Journal d'audit.");
        var verify = new Command("verify", "Vérifie la chaîne d'empreintes du journal ; code de sortie 1 et première entrée rompue si une ligne a été modifiée ou supprimée (2 : base non migrée ; 78 : la commande n'a pas pu démarrer).");
        verify.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            if (!await DatabaseGuard.EnsureMigratedAsync(scope.ServiceProvider.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>(), cancellationToken))
            {
                return 2;
            }
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
            if (result.IsIntact)
            {
                Console.WriteLine(result.CheckpointsChecked == 0
                    ? $"Journal d'audit intact : {result.EntriesChecked} entrée(s) vérifiée(s) (aucun point de contrôle signé : lancez « audit checkpoint »)."
                    : $"Journal d'audit intact : {result.EntriesChecked} entrée(s) vérifiée(s), conforme à {result.CheckpointsChecked} point(s) de contrôle signé(s).");
                return 0;
            }
            Console.Error.WriteLine($"Journal d'audit ROMPU à l'entrée n° {result.FirstBrokenSequence} : {result.Problem}.");
            Console.Error.WriteLine($"{result.EntriesChecked} entrée(s) intacte(s) avant celle-ci.");
            return 1;
        });
        audit.Subcommands.Add(verify);

        var checkpoint = new Command("checkpoint", "Signe la tête du journal (numéro, empreinte, heure ; HMAC-SHA256 avec Audit:CheckpointKey) et l'ajoute au fichier des points de contrôle et au journal technique.");
        checkpoint.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>();
            if (!await DatabaseGuard.EnsureMigratedAsync(db, cancellationToken))
            {
                return 2;
            }
            var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();
            var written = await checkpoints.WriteAsync(db, cancellationToken);
            Console.WriteLine(written == null
                ? "Journal d'audit vide : aucun point de contrôle écrit."
                : $"Point de contrôle écrit : entrée n° {written.Sequence}, empreinte {written.Hash}, dans {checkpoints.FilePath}.");
            return 0;
        });
        audit.Subcommands.Add(checkpoint);
        return audit;
    }
}
