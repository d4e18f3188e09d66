using System.CommandLine;
using CarteBlanche.Cli;

// carteblanche <area> <verb>: the same configuration as the web app (appsettings.json,
// appsettings.{Environment}.json, environment variables such as Database__Provider).
var root = new RootCommand("Carte Blanche — outils en ligne de commande (base de données, journal d'audit, territoire, tournées du car, prestations, transports, rapprochement de fichiers).");
root.Subcommands.Add(DbCommands.Create());
root.Subcommands.Add(AuditCommands.Create());
root.Subcommands.Add(TerritoryCommands.Create());
root.Subcommands.Add(AccountCommands.Create());
root.Subcommands.Add(TourCommands.Create());
root.Subcommands.Add(BenefitsCommands.Create());
root.Subcommands.Add(TransitCommands.Create());
root.Subcommands.Add(RightsCommands.Create());
root.Subcommands.Add(LinkageCommands.Create());
root.Subcommands.Add(MobilityCommands.Create());
root.Subcommands.Add(PayrollCommands.Create());
root.Subcommands.Add(KnowledgeCommands.Create());
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CliStartupException ex)
{
    await Console.Error.WriteLineAsync($"Démarrage impossible : {ex.Message}. Vérifiez la configuration (appsettings.json, appsettings.{{Environnement}}.json, variables d'environnement). Code de sortie {ExitCodes.StartupFailed}.");
    return ExitCodes.StartupFailed;
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    await Console.Error.WriteLineAsync($"Erreur inattendue ({ex.GetType().Name}) : {ex.Message}. Code de sortie {ExitCodes.Unexpected}.");
    return ExitCodes.Unexpected;
}
