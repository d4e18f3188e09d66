using CarteBlanche.Platform.Audit;
using Microsoft.AspNetCore.Identity;

namespace CarteBlanche.Platform.Accounts;

public sealed record UpdateAccount(Guid AccountId, string DisplayName, Guid OrganisationId, IReadOnlyCollection<string> Roles, string ConcurrencyStamp, Guid? SiteId = null);

/// <summary>Roles, organisation and activation of an account, by an administrator.</summary>
public sealed class AccountAdministration(CarteBlancheDbContext db, UserManager<Account> userManager, IAuditLog auditLog)
{
    public async Task<CommandResult> UpdateAsync(UpdateAccount command, Guid actorId, CancellationToken cancellationToken = default)
    {
        var account = await userManager.FindByIdAsync(command.AccountId.ToString("D"));
        if (account == null)
        {
            return CommandResult.Fail("", "Ce compte n'existe pas.");
        }
        if (account.ConcurrencyStamp != command.ConcurrencyStamp)
        {
            return CommandResult.Fail("", "Ce compte a été modifié entre-temps par quelqu'un d'autre. Rechargez la page pour voir ses nouvelles valeurs, puis recommencez.");
        }
        if (string.IsNullOrWhiteSpace(command.DisplayName))
        {
            return CommandResult.Fail("DisplayName", "Saisissez le prénom et le nom de la personne.");
        }
        if (command.DisplayName.Trim().Length > Account.DisplayNameMaxLength)
        {
            return CommandResult.Fail("DisplayName", $"Le prénom et le nom dépassent {Account.DisplayNameMaxLength} caractères : raccourcissez-les.");
        }
        if (!await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId, cancellationToken))
        {
            return CommandResult.Fail("OrganisationId", "Choisissez l'organisation de la personne.");
        }
        if (command.SiteId != null && !await db.Places.AnyAsync(p => p.Id == command.SiteId, cancellationToken))
        {
            return CommandResult.Fail("SiteId", "Lieu de travail inconnu.");
        }
        if (command.Roles.Count == 0 || command.Roles.Any(r => !Roles.All.Contains(r)))
        {
            return CommandResult.Fail("Roles", "Choisissez au moins un rôle.");
        }
        var current = await userManager.GetRolesAsync(account);
        if (account.Id == actorId && current.Contains(Roles.Admin) && !command.Roles.Contains(Roles.Admin))
        {
            return CommandResult.Fail("Roles", "Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        account.DisplayName = command.DisplayName.Trim();
        account.OrganisationId = command.OrganisationId;
        account.SiteId = command.SiteId;
        var updated = await userManager.UpdateAsync(account);
        if (!updated.Succeeded)
        {
            return new CommandResult(updated.Errors.Select(e => new KeyValuePair<string, string>("", e.Description)).ToList());
        }
        var removed = current.Except(command.Roles).ToList();
        var added = command.Roles.Except(current).ToList();
        var steps = new List<Func<Task<IdentityResult>>>();
        if (removed.Count > 0)
        {
            steps.Add(() => userManager.RemoveFromRolesAsync(account, removed));
        }
        if (added.Count > 0)
        {
            steps.Add(() => userManager.AddToRolesAsync(account, added));
        }
        // New roles or organisation take effect within a minute, not at the next sign-in.
        steps.Add(() => userManager.UpdateSecurityStampAsync(account));
        foreach (var step in steps)
        {
            var stepResult = await step();
            if (!stepResult.Succeeded)
            {
                return new CommandResult(stepResult.Errors.Select(e => new KeyValuePair<string, string>("", e.Description)).ToList());
            }
        }
        auditLog.Add(db, new AuditEvent("account.update", "Account", account.Id.ToString("D")));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> SetActiveAsync(Guid accountId, bool active, Guid actorId, CancellationToken cancellationToken = default)
    {
        if (accountId == actorId && !active)
        {
            return CommandResult.Fail("", "Vous ne pouvez pas désactiver votre propre compte.");
        }
        var account = await userManager.FindByIdAsync(accountId.ToString("D"));
        if (account == null)
        {
            return CommandResult.Fail("", "Ce compte n'existe pas.");
        }
        account.IsActive = active;
        // The new security stamp ends the sessions already open with this account; the store saves with the journal line.
        auditLog.Add(db, new AuditEvent(active ? "account.reactivate" : "account.deactivate", "Account", account.Id.ToString("D")));
        var updated = await userManager.UpdateSecurityStampAsync(account);
        if (!updated.Succeeded)
        {
            return new CommandResult(updated.Errors.Select(e => new KeyValuePair<string, string>("", e.Description)).ToList());
        }
        return CommandResult.Ok;
    }
}
