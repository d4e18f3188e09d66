using System.CommandLine;
using System.Text;
using CarteBlanche.Platform.Territory;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Cli;

internal static class TerritoryCommands
{
    public static Command Create()
    {
        var territory = new Command("territory", "Territoire : communes et EPCI.");
        var file = new Argument<FileInfo>("fichier") { Description = "CSV au format de communes-bassin-de-vie-cahors.csv (insee_code,name,population_2026,postal_code,epci_siren,epci_name,latitude,longitude)." };
        var import = new Command("import", "Importe ou met à jour des communes ; une seule ligne invalide et rien n'est importé.") { file };
        import.SetAction(async (parseResult, cancellationToken) =>
        {
            var csv = parseResult.GetValue(file)!;
            if (!csv.Exists)
            {
                Console.Error.WriteLine($"Fichier introuvable : {csv.FullName}");
                return 2;
            }
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            if (!await DatabaseGuard.EnsureMigratedAsync(scope.ServiceProvider.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>(), cancellationToken))
            {
                return 2;
            }
            using var reader = new StreamReader(csv.FullName, Encoding.UTF8);
            var result = await scope.ServiceProvider.GetRequiredService<CommuneImporter>().ImportAsync(reader, cancellationToken);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine($"{csv.Name} : {result.Errors.Count} erreur(s), rien n'a été importé.");
                foreach (var error in result.Errors)
                {
                    Console.Error.WriteLine($"{csv.Name}, {error}");
                }
                return 1;
            }
            Console.WriteLine($"{csv.Name} : {result.Added} commune(s) ajoutée(s), {result.Updated} mise(s) à jour, {result.EpcisAdded} EPCI ajouté(s).");
            return 0;
        });
        territory.Subcommands.Add(import);
        return territory;
    }
}
