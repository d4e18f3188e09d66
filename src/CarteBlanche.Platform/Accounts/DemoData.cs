using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Platform.Accounts;

public sealed class DemoOptions
{
    public const string Section = "Demo";
    /// <summary>Password of every demo account (Development only).</summary>
    public string? Password { get; set; }
}

/// <summary>
/// One account per role, e-mail "&lt;role&gt;@demo.carteblanche.fr", and two demo organisations.
/// Called only in Development (see Program.cs); never in Production.
/// </summary>
public sealed class DemoData(CarteBlancheDbContext db, UserManager<Account> userManager, TimeProvider timeProvider)
{
    public const string Domain = "demo.carteblanche.fr";

    private static readonly (string Role, string Name, string Organisation)[] Accounts =
    [
        (Roles.Admin, "Alice Administratrice", "Préfecture du Lot"),
        (Roles.Coordinator, "Claire Coordinatrice", "Préfecture du Lot"),
        (Roles.Agent, "Antoine Agent", "CA du Grand Cahors"),
        (Roles.SocialWorker, "Sophie Travailleuse sociale", "Département du Lot"),
        (Roles.PartnerReferent, "Paul Référent CAF", "CAF du Lot"),
        (Roles.DataSteward, "Denise Gestionnaire de données", "CAF du Lot"),
        (Roles.HrExpert, "Hugo Expert RH", "France Travail"),
        (Roles.FirmOwner, "Françoise Dirigeante", "Boulangerie du Pont Valentré (démonstration)"),
        (Roles.Helper, "Hélène Aidante", "Association Mobilité solidaire du Lot (démonstration)"),
    ];

    public static string EmailFor(string role) => $"{role.ToLowerInvariant()}@{Domain}";

    public async Task SeedAsync(string password, CancellationToken cancellationToken = default)
    {
        foreach (var (name, kind) in new[] { ("Boulangerie du Pont Valentré (démonstration)", OrganisationKind.Other), ("Association Mobilité solidaire du Lot (démonstration)", OrganisationKind.Association) })
        {
            if (!await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
            {
                db.Organisations.Add(new Organisation { Name = name, Kind = kind, SearchName = SearchText.Fold(name) });
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        foreach (var (role, name, organisation) in Accounts)
        {
            var email = EmailFor(role);
            if (await userManager.FindByEmailAsync(email) != null)
            {
                continue;
            }
            var account = new Account
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                OrganisationId = organisations[organisation],
                CreatedAt = timeProvider.GetUtcNow(),
                LockoutEnabled = true,
            };
            var result = await userManager.CreateAsync(account, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo:Password n'est pas accepté : " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            await userManager.AddToRoleAsync(account, role);
        }
    }
}
