using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace CarteBlanche.Platform.Accounts;

/// <summary>Identity's messages, in French.</summary>
public sealed class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    private static IdentityError E(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Une erreur inconnue est survenue.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Ce compte a été modifié entre-temps par quelqu'un d'autre. Rechargez la page et recommencez.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Mot de passe incorrect.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Le lien ou le code n'est pas valide ou a expiré.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Ce compte externe est déjà associé à un autre compte.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "Identifiant invalide : seules les lettres, chiffres et « -._@+ » sont autorisés.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "Adresse e-mail invalide.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), "Un compte existe déjà avec cette adresse e-mail.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "Un compte existe déjà avec cette adresse e-mail.");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), "Rôle invalide.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), "Ce rôle existe déjà.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Le verrouillage n'est pas activé pour ce compte.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), "Le compte a déjà ce rôle.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), "Le compte n'a pas ce rôle.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), string.Format(Fr, "Le mot de passe doit contenir au moins {0} caractères.", length));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), string.Format(Fr, "Le mot de passe doit contenir au moins {0} caractères différents.", uniqueChars));
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? # %).");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une minuscule.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une majuscule.");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "Code de récupération invalide.");
}
