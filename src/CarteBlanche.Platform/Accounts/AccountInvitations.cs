using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Notifications;
using Microsoft.AspNetCore.Identity;

namespace CarteBlanche.Platform.Accounts;

public sealed record InviteAccount(string Email, string DisplayName, Guid OrganisationId, IReadOnlyCollection<string> Roles, Guid? SiteId = null);

/// <summary>Errors keyed by the field they concern ("" for the whole form), in French.</summary>
public sealed record CommandResult(IReadOnlyList<KeyValuePair<string, string>> Errors)
{
    public static readonly CommandResult Ok = new([]);
    public bool Succeeded => Errors.Count == 0;
    public static CommandResult Fail(string field, string message) => new([new(field, message)]);
}

/// <summary>
/// Invitations: an administrator creates the account (no password) and an e-mail carries a
/// one-time link valid 72 hours; the invitee chooses the password. All or nothing.
/// </summary>
public sealed class AccountInvitations(
    CarteBlancheDbContext db,
    UserManager<Account> userManager,
    Outbox outbox,
    IAuditLog auditLog,
    TimeProvider timeProvider)
{
    public async Task<(CommandResult Result, Guid? AccountId, string? Link)> InviteAsync(InviteAccount command, Guid? invitedBy, string baseUrl, CancellationToken cancellationToken = default)
    {
        var email = command.Email?.Trim() ?? "";
        var errors = new List<KeyValuePair<string, string>>();
        if (email.Length == 0)
        {
            errors.Add(new("Email", "Saisissez l'adresse e-mail de la personne à inviter."));
        }
        else if (email.Length > 254)
        {
            errors.Add(new("Email", "L'adresse e-mail dépasse 254 caractères : vérifiez-la."));
        }
        else if (!new EmailAddressAttribute().IsValid(email))
        {
            errors.Add(new("Email", "L'adresse e-mail n'est pas valide (format attendu : nom@domaine.fr)."));
        }
        else if (await userManager.FindByEmailAsync(email) != null)
        {
            errors.Add(new("Email", "Un compte existe déjà avec cette adresse e-mail."));
        }
        if (string.IsNullOrWhiteSpace(command.DisplayName))
        {
            errors.Add(new("DisplayName", "Saisissez le prénom et le nom de la personne."));
        }
        else if (command.DisplayName.Trim().Length > Account.DisplayNameMaxLength)
        {
            errors.Add(new("DisplayName", $"Le prénom et le nom dépassent {Account.DisplayNameMaxLength} caractères : raccourcissez-les."));
        }
        if (!await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId && o.IsActive, cancellationToken))
        {
            errors.Add(new("OrganisationId", "Choisissez l'organisation de la personne."));
        }
        if (command.Roles.Count == 0)
        {
            errors.Add(new("Roles", "Choisissez au moins un rôle."));
        }
        else if (command.Roles.Any(r => !Roles.All.Contains(r)))
        {
            errors.Add(new("Roles", "Rôle inconnu."));
        }
        // An agent or a social worker works at a site: without one, their guichet would be empty.
        if (command.SiteId == null && command.Roles.Any(Roles.NeedSite))
        {
            errors.Add(new("SiteId", "Choisissez le lieu de travail : un agent ou un travailleur social voit les demandes de son lieu."));
        }
        else if (command.SiteId != null && !await db.Places.AnyAsync(p => p.Id == command.SiteId && p.IsActive, cancellationToken))
        {
            errors.Add(new("SiteId", "Lieu de travail inconnu."));
        }
        if (errors.Count > 0)
        {
            return (new CommandResult(errors), null, null);
        }

        var now = timeProvider.GetUtcNow();
        var account = new Account
        {
            UserName = email,
            Email = email,
            DisplayName = command.DisplayName.Trim(),
            OrganisationId = command.OrganisationId,
            SiteId = command.SiteId,
            CreatedAt = now,
            LockoutEnabled = true,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await userManager.CreateAsync(account);
        if (!created.Succeeded)
        {
            return (FromIdentity(created, "Email"), null, null);
        }
        var rolesAdded = await userManager.AddToRolesAsync(account, command.Roles);
        if (!rolesAdded.Succeeded)
        {
            return (FromIdentity(rolesAdded, "Roles"), null, null);
        }
        var token = NewInvitation(account.Id, invitedBy, now);
        var link = QueueInvitationEmail(account, token, baseUrl);
        auditLog.Add(db, new AuditEvent("account.invite", "Account", account.Id.ToString("D")));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (CommandResult.Ok, account.Id, link);
    }

    /// <summary>A new link for an account that has not chosen its password yet; earlier links stop working.</summary>
    public async Task<CommandResult> ResendAsync(Guid accountId, Guid? invitedBy, string baseUrl, CancellationToken cancellationToken = default)
    {
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account == null)
        {
            return CommandResult.Fail("", "Ce compte n'existe pas.");
        }
        if (account.PasswordHash != null)
        {
            return CommandResult.Fail("", "Ce compte a déjà choisi son mot de passe : il n'a pas besoin d'invitation.");
        }
        var now = timeProvider.GetUtcNow();
        await db.Invitations.Where(i => i.AccountId == accountId && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, now), cancellationToken);
        var token = NewInvitation(accountId, invitedBy, now);
        QueueInvitationEmail(account, token, baseUrl);
        auditLog.Add(db, new AuditEvent("account.invite-resend", "Account", accountId.ToString("D")));
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<Invitation?> FindValidAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        var now = timeProvider.GetUtcNow();
        return await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now, cancellationToken);
    }

    public async Task<CommandResult> AcceptAsync(string token, string password, string confirmation, CancellationToken cancellationToken = default)
    {
        var invitation = await FindValidAsync(token, cancellationToken);
        if (invitation == null)
        {
            return CommandResult.Fail("", "Ce lien d'invitation n'est pas valide ou a expiré (il est valable 72 heures). Demandez une nouvelle invitation à votre administrateur.");
        }
        if (password != confirmation)
        {
            return CommandResult.Fail("Confirmation", "Les deux mots de passe ne sont pas identiques.");
        }
        var account = await userManager.FindByIdAsync(invitation.AccountId.ToString("D"));
        if (account == null || !account.IsActive)
        {
            return CommandResult.Fail("", "Ce compte a été désactivé.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await userManager.AddPasswordAsync(account, password ?? "");
        if (!added.Succeeded)
        {
            return FromIdentity(added, "Password");
        }
        account.EmailConfirmed = true;
        invitation.AcceptedAt = timeProvider.GetUtcNow();
        var updated = await userManager.UpdateAsync(account);
        if (!updated.Succeeded)
        {
            return FromIdentity(updated, "");
        }
        auditLog.Add(db, new AuditEvent("account.invitation-accepted", "Account", account.Id.ToString("D"), ActorId: account.Id, ActorOrganisationId: account.OrganisationId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok;
    }

    private string NewInvitation(Guid accountId, Guid? invitedBy, DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        db.Invitations.Add(new Invitation
        {
            AccountId = accountId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
            InvitedBy = invitedBy,
        });
        return token;
    }

    private string QueueInvitationEmail(Account account, string token, string baseUrl)
    {
        var link = $"{baseUrl.TrimEnd('/')}/invitation/{token}";
        outbox.QueueEmail(account.Email!, "Votre compte Carte Blanche",
            $"""
            Bonjour {account.DisplayName},

            Un compte Carte Blanche a été créé pour vous. Pour choisir votre mot de passe, ouvrez ce lien :

            {link}

            Ce lien est valable 72 heures et ne sert qu'une fois. Si vous n'attendiez pas cette invitation, ignorez ce message.

            Carte Blanche — services publics de proximité
            """);
        return link;
    }

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    private static CommandResult FromIdentity(IdentityResult result, string field) =>
        new(result.Errors.Select(e => new KeyValuePair<string, string>(field, e.Description)).ToList());
}
