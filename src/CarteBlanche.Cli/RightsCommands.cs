using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CarteBlanche.Platform.Database;
using CarteBlanche.Rights.Conventions;
using CarteBlanche.Rights.Exchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Cli;

internal static class RightsCommands
{
    public static Command Create()
    {
        var rights = new Command("rights", "Partage de données entre organismes : fichiers des organismes.");
        var file = new Argument<FileInfo>("fichier") { Description = "CSV (',' ou ';') ou JSON Lines au format de la convention (page « Transmettre un fichier »)." };
        var convention = new Option<string>("--convention") { Description = "Référence (CV-…) ou intitulé exact de la convention.", Required = true };
        var organisation = new Option<string>("--organisme") { Description = "Nom ou nom court de l'organisme qui envoie le fichier (CAF, CPAM…).", Required = true };
        var import = new Command("import", "Importe le fichier d'un organisme ; une seule erreur et rien n'est importé, les données précédentes restent.") { file, convention, organisation };
        import.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Fichier introuvable : {path.FullName}");
                return 2;
            }
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
            if (!await DatabaseGuard.EnsureMigratedAsync(db, cancellationToken))
            {
                return 2;
            }
            var asked = parseResult.GetValue(convention)!.Trim();
            var conventions = await db.Set<Convention>().AsNoTracking().IgnoreAutoIncludes().ToListAsync(cancellationToken);
            var found = conventions.SingleOrDefault(c => c.Reference.Equals(asked, StringComparison.OrdinalIgnoreCase) || c.Title == asked);
            if (found == null)
            {
                Console.Error.WriteLine($"--convention : aucune convention « {asked} ». Conventions : {string.Join(" ; ", conventions.Select(c => $"{c.Reference} {c.Title}"))}");
                return 2;
            }
            var name = parseResult.GetValue(organisation)!.Trim();
            var operatorId = await db.Organisations.Where(o => o.Name == name || o.ShortName == name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
            if (operatorId == null)
            {
                Console.Error.WriteLine($"--organisme : aucun organisme « {name} ».");
                return 2;
            }
            var watch = Stopwatch.StartNew();
            var last = -1;
            var progress = new Progress<double>(p =>
            {
                var percent = (int)(p * 100);
                if (percent / 10 != last / 10)
                {
                    last = percent;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{percent} %"));
                }
            });
            await using var content = path.OpenRead();
            var result = await scope.ServiceProvider.GetRequiredService<OperatorImporter>().ImportAsync(found.Id, operatorId.Value, content, path.Name, null, progress, cancellationToken);
            if (result.Status != ImportStatus.Succeeded)
            {
                Console.Error.WriteLine($"{path.Name} : {result.ErrorCount} erreur(s), rien n'a été importé ; les données précédentes restent.");
                foreach (var error in (result.Errors ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    Console.Error.WriteLine($"{path.Name}, {error}");
                }
                return 1;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path.Name} : {result.Rows} personne(s) importée(s) en {watch.Elapsed.TotalSeconds:0.0} s ; elles remplacent les données précédentes de l'organisme."));
            return 0;
        });
        rights.Subcommands.Add(import);
        return rights;
    }
}
