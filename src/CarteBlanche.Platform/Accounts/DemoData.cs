using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.Identity;

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

    public const string GrandCahorsSite = "France Services du Grand Cahors";
    public const string LalbenqueSite = "France Services de Lalbenque";

    private static readonly (string Email, string Role, string Name, string Organisation, string? Site)[] Accounts =
    [
        (EmailFor(Roles.Admin), Roles.Admin, "Alice Administratrice", "Préfecture du Lot", null),
        (EmailFor(Roles.Coordinator), Roles.Coordinator, "Claire Coordinatrice", "Préfecture du Lot", null),
        (EmailFor(Roles.Agent), Roles.Agent, "Antoine Agent", "CA du Grand Cahors", GrandCahorsSite),
        (EmailFor(Roles.SocialWorker), Roles.SocialWorker, "Sophie Travailleuse sociale", "Département du Lot", GrandCahorsSite),
        (EmailFor(Roles.PartnerReferent), Roles.PartnerReferent, "Paul Référent CAF", "CAF du Lot", null),
        (EmailFor(Roles.DataSteward), Roles.DataSteward, "Denise Gestionnaire de données", "CAF du Lot", null),
        (EmailFor(Roles.HrExpert), Roles.HrExpert, "Hugo Expert RH", "France Travail", null),
        (EmailFor(Roles.FirmOwner), Roles.FirmOwner, "Françoise Dirigeante", "Boulangerie du Pont Valentré (démonstration)", null),
        (EmailFor(Roles.Helper), Roles.Helper, "Hélène Aidante", "Association Mobilité solidaire du Lot (démonstration)", null),
        // Agents of other sites, so that a site's cases are seen to stay within the site.
        ($"agent.grandcahors2@{Domain}", Roles.Agent, "Bérénice Agent", "CA du Grand Cahors", GrandCahorsSite),
        ($"agent.lalbenque@{Domain}", Roles.Agent, "Lucas Agent", "La Poste", LalbenqueSite),
        // Partner referents: a second one at the CAF (the first one is its lead), one at the CPAM.
        ($"referent.caf2@{Domain}", Roles.PartnerReferent, "Camille Référente CAF", "CAF du Lot", null),
        ($"referent.cpam@{Domain}", Roles.PartnerReferent, "Cyril Référent CPAM", "CPAM du Lot", null),
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
        var sites = await db.Places.Where(p => p.Name == GrandCahorsSite || p.Name == LalbenqueSite).ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        foreach (var (email, role, name, organisation, site) in Accounts)
        {
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
                SiteId = site != null && sites.TryGetValue(site, out var siteId) ? siteId : null,
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
