using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights;

/// <summary>
/// The demonstration convention: CAF, France Travail and CPAM of the Lot share, with the residents' consent, what API
/// Particulier v3 gives about them (quotient familial, RSA and prime d'activité, registration as a job seeker,
/// complémentaire santé solidaire, AAH), to find the rights not taken up.
/// </summary>
public sealed class RightsDemoData(CarteBlancheDbContext db, ParisClock clock)
{
    public const string ConventionTitle = "Convention d'accès aux droits du bassin de vie de Cahors";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Convention>().AnyAsync(cancellationToken))
        {
            return;
        }
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var admin = await db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Admin)).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (admin == null || !organisations.TryGetValue("CAF du Lot", out var caf) || !organisations.TryGetValue("France Travail", out var franceTravail)
            || !organisations.TryGetValue("CPAM du Lot", out var cpam))
        {
            return;
        }
        var year = clock.Today.Year;
        var convention = new Convention
        {
            Title = ConventionTitle,
            Purpose = "Repérer les habitants qui ont probablement droit au RSA, à la prime d'activité, à la complémentaire santé solidaire, à l'AAH ou à l'ASPA sans les percevoir, les contacter pour ouvrir leurs droits, et ne plus leur redemander ce qu'un organisme sait déjà.",
            LegalBasis = "RGPD art. 6-1-e (mission d'intérêt public) et consentement de l'usager ; code des relations entre le public et l'administration, art. L114-8 et suivants (échanges de données entre administrations) ; code de l'action sociale et des familles, art. L262-40.",
            StartsOn = new DateOnly(year, 1, 1),
            EndsOn = new DateOnly(year + 2, 12, 31),
            CreatedAt = clock.Now,
            CreatedBy = admin.Value,
        };
        foreach (var (organisation, signatory) in new[] { (caf, "Directrice de la CAF du Lot"), (franceTravail, "Directeur territorial de France Travail Lot"), (cpam, "Directeur de la CPAM du Lot") })
        {
            convention.Parties.Add(new ConventionParty { ConventionId = convention.Id, OrganisationId = organisation, Signatory = signatory, SignedOn = new DateOnly(year - 1, 12, 15) });
        }
        var operators = new Dictionary<DemoOperator, Guid> { [DemoOperator.Caf] = caf, [DemoOperator.FranceTravail] = franceTravail, [DemoOperator.Cpam] = cpam };
        foreach (var attribute in Dictionary(operators))
        {
            attribute.ConventionId = convention.Id;
            convention.Attributes.Add(attribute);
        }
        db.Add(convention);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The demonstration convention's data dictionary, for the operators given (also what the synthetic Lot's files follow).</summary>
    public static List<SharedAttribute> Dictionary(IReadOnlyDictionary<DemoOperator, Guid> operators)
    {
        var list = new List<SharedAttribute>();
        void Share(DemoOperator by, string code, string label, AttributeType type, string source, RefreshFrequency refresh, Sensitivity sensitivity) =>
            list.Add(new SharedAttribute { OperatorId = operators[by], Code = code, Label = label, Type = type, Source = source, Refresh = refresh, Sensitivity = sensitivity });
        const DemoOperator caf = DemoOperator.Caf, franceTravail = DemoOperator.FranceTravail, cpam = DemoOperator.Cpam;
        const string Drm = "Dispositif de ressources mensuelles (montant net social), lu pour le préremplissage « solidarité à la source »";
        Share(caf, "quotient_familial", "Quotient familial", AttributeType.Amount, "API Particulier v3 — quotient familial CAF et MSA", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(caf, "allocataires_enfants", "Allocataires et enfants du foyer", AttributeType.Text, "API Particulier v3 — quotient familial CAF et MSA", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(caf, "rsa", "Bénéficiaire du RSA", AttributeType.YesNo, "API Particulier v3 — statut revenu de solidarité active", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(caf, "prime_activite", "Bénéficiaire de la prime d'activité", AttributeType.YesNo, "API Particulier v3 — statut prime d'activité", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(caf, "aah", "Bénéficiaire de l'AAH", AttributeType.YesNo, "API Particulier v3 — statut allocation adulte handicapé", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(caf, "aide_logement", "Aide au logement versée ce mois (€)", AttributeType.Amount, "Fichier mensuel de la CAF", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(caf, "logement", "Logement : proprietaire, accedant, locataire, locataire_hlm ou heberge", AttributeType.Code, "Fichier mensuel de la CAF", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(caf, "isolement_recent", "Parent isolé depuis moins de 12 mois", AttributeType.YesNo, "Fichier mensuel de la CAF", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(caf, "taux_incapacite", "Taux d'incapacité reconnu par la CDAPH (%)", AttributeType.Number, "Décisions de la MDPH transmises à la CAF", RefreshFrequency.OnEvent, Sensitivity.Sensitive);
        Share(caf, "revenus_activite", "Revenus d'activité du mois (€)", AttributeType.Amount, Drm, RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(caf, "autres_revenus", "Autres ressources du mois : chômage, retraites, pensions (€)", AttributeType.Amount, Drm, RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(franceTravail, "inscription_categorie", "Catégorie d'inscription comme demandeur d'emploi", AttributeType.Code, "API Particulier v3 — statut demandeur d'emploi", RefreshFrequency.Daily, Sensitivity.Sensitive);
        Share(franceTravail, "inscription_dates", "Dates d'inscription et de cessation", AttributeType.Date, "API Particulier v3 — statut demandeur d'emploi", RefreshFrequency.Daily, Sensitivity.Sensitive);
        Share(franceTravail, "allocation_chomage", "Allocation chômage versée ce mois (€)", AttributeType.Amount, "Fichier mensuel de France Travail", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(cpam, "css", "Bénéficiaire de la complémentaire santé solidaire", AttributeType.YesNo, "API Particulier v3 — complémentaire santé solidaire", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(cpam, "css_avec_participation", "Complémentaire santé solidaire avec participation financière", AttributeType.YesNo, "API Particulier v3 — complémentaire santé solidaire", RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(cpam, "revenus_activite", "Revenus d'activité du mois (€)", AttributeType.Amount, Drm, RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(cpam, "autres_revenus", "Autres ressources du mois : chômage, retraites, pensions (€)", AttributeType.Amount, Drm, RefreshFrequency.Monthly, Sensitivity.Sensitive);
        Share(cpam, "adresse", "Adresse connue de l'Assurance maladie", AttributeType.Text, "Fichier de la CPAM", RefreshFrequency.OnEvent, Sensitivity.Normal);
        return list;
    }
}

public enum DemoOperator
{
    Caf,
    FranceTravail,
    Cpam,
}
