using System.CommandLine;
using CarteBlanche.Platform;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Cli;

internal static class AccountCommands
{
    public static Command Create()
    {
        var accounts = new Command("accounts", "Comptes.");
        var email = new Option<string>("--email") { Description = "Adresse e-mail de la personne invitée.", Required = true };
        var name = new Option<string>("--name") { Description = "Prénom et nom.", Required = true };
        var organisation = new Option<string>("--organisation") { Description = "Nom exact de son organisation (par exemple « Préfecture du Lot »).", Required = true };
        var role = new Option<string[]>("--role") { Description = "Rôle(s) : " + string.Join(", ", Roles.All) + ".", DefaultValueFactory = _ => [Roles.Admin], AllowMultipleArgumentsPerToken = true };
        var site = new Option<string?>("--site") { Description = "Nom exact de son lieu de travail (obligatoire pour un agent polyvalent ou un travailleur social)." };
        var baseUrl = new Option<string>("--base-url") { Description = "Adresse publique de l'application, pour le lien d'invitation.", DefaultValueFactory = _ => "http://localhost:5080" };
        var invite = new Command("invite", "Invite une personne (par exemple le premier administrateur d'une installation) : l'e-mail part avec l'application web, le lien est aussi affiché ici.")
        {
            email, name, organisation, role, site, baseUrl,
        };
        invite.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await host.Services.InitialisePlatformAsync(seedDemoData: false, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
            var organisationName = parseResult.GetValue(organisation)!.Trim();
            var organisationId = await db.Organisations.Where(o => o.Name == organisationName).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (organisationId == null)
            {
                Console.Error.WriteLine($"Organisation inconnue : « {organisationName} ». Organisations connues : {string.Join(", ", await db.Organisations.OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(cancellationToken))}.");
                return 1;
            }
            Guid? siteId = null;
            if (parseResult.GetValue(site) is { } siteName && siteName.Trim().Length > 0)
            {
                siteId = await db.Places.Where(p => p.Name == siteName.Trim()).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
                if (siteId == null)
                {
                    Console.Error.WriteLine($"Lieu inconnu : « {siteName.Trim()} ».");
                    return 1;
                }
            }
            var (result, _, link) = await scope.ServiceProvider.GetRequiredService<AccountInvitations>().InviteAsync(
                new InviteAccount(parseResult.GetValue(email)!, parseResult.GetValue(name)!, organisationId.Value, parseResult.GetValue(role)!, siteId), null, parseResult.GetValue(baseUrl)!, cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var (field, message) in result.Errors)
                {
                    Console.Error.WriteLine(field.Length == 0 ? message : $"{field} : {message}");
                }
                return 1;
            }
            Console.WriteLine($"Invitation créée (valable 72 heures). Lien : {link}");
            return 0;
        });
        accounts.Subcommands.Add(invite);
        return accounts;
    }
}
