namespace CarteBlanche.Benefits;

public enum EntityKind
{
    Individu,
    Famille,
    FoyerFiscal,
    Menage,
}

public enum ValueKind
{
    /// <summary>Money per month; a yearly value given for it is divided over the months.</summary>
    Amount,
    Boolean,
    Rate,
    Integer,
    Date,
    Enumeration,
    /// <summary>A number that is neither money nor a rate (years of residence...).</summary>
    Quantity,
}

/// <summary>How the engine uses an OpenFisca variable.</summary>
public enum VariableRole
{
    /// <summary>Read by the rules.</summary>
    Input,
    /// <summary>Computed by the engine.</summary>
    Computed,
    /// <summary>An OpenFisca variable the engine knows but does not compute: asking for it is reported, never answered 0.</summary>
    NotImplemented,
    /// <summary>Accepted as input but not used by these rules (no warning).</summary>
    Ignored,
}

public sealed record VariableInfo(string Name, EntityKind Entity, ValueKind Kind, VariableRole Role, string Label);

/// <summary>The OpenFisca variables the engine reads and writes, with OpenFisca's names and entities.</summary>
public static class Variables
{
    public static readonly IReadOnlyList<string> HousingStatusNames =
        ["non_renseigne", "primo_accedant", "proprietaire", "locataire_hlm", "locataire_vide", "locataire_meuble", "loge_gratuitement", "locataire_foyer", "sans_domicile"];

    /// <summary>Person incomes counted as earned income (prime d'activité's share and bonus).</summary>
    public static readonly IReadOnlySet<string> ActivityIncomes = new HashSet<string>(StringComparer.Ordinal) {
        "salaire_net", "indemnites_stage", "revenus_stage_formation_pro", "remuneration_apprenti", "bourse_recherche", "indemnites_chomage_partiel",
        // Maternity, paternity and adoption daily allowances always count as earned income (OpenFisca's rsa_indemnites_journalieres_activite).
        "indemnites_journalieres_maternite", "indemnites_journalieres_paternite", "indemnites_journalieres_adoption", "rpns_auto_entrepreneur_benefice",
    };

    /// <summary>Person incomes counted as other resources.</summary>
    public static readonly IReadOnlySet<string> OtherIncomes = new HashSet<string>(StringComparer.Ordinal)
    {
        "chomage_net", "retraite_nette", "pensions_alimentaires_percues", "indemnites_journalieres", "pensions_invalidite", "ass", "allocation_securisation_professionnelle",
        "asi", "retraite_combattant", "prestation_compensatoire", "prime_forfaitaire_mensuelle_reprise_activite",
        // Patrimony (OpenFisca's rsa_base_ressources_patrimoine_individu), counted month by month like the others.
        "revenus_capital", "revenus_locatifs",
    };

    /// <summary>
    /// Tax-return boxes of a foyer fiscal counted as its main declarant's capital income, a twelfth of the year each
    /// month (OpenFisca's revenus_capital: income taxed at the scale or at a flat rate) and capital gains
    /// (assiette_csg_plus_values).
    /// </summary>
    public static readonly IReadOnlySet<string> CapitalBoxes = new HashSet<string>(StringComparer.Ordinal)
    {
        "f2dc", "f2ch", "f2ts", "f2tr", "f2go", "f2fu", "f2da", "f2dh", "f2ee", "f2fa", "f3vg", "f3vz", "rente_viagere_titre_onereux",
    };

    /// <summary>
    /// Daily allowances for sickness or work accident: earned income in the three months after the work stopped, or
    /// while a salary is paid, or when no date is given and none was paid three months before; replacement income after
    /// (OpenFisca's rsa_indemnites_journalieres_activite).
    /// </summary>
    public static readonly IReadOnlyList<string> SicknessAllowances = ["indemnites_journalieres_maladie", "indemnites_journalieres_accident_travail", "indemnites_journalieres_maladie_professionnelle"];

    /// <summary>The person incomes that are patrimony (see <see cref="Population.Patrimony"/>).</summary>
    public static readonly IReadOnlySet<string> PatrimonyIncomes = new HashSet<string>(StringComparer.Ordinal) { "revenus_capital", "revenus_locatifs" };

    /// <summary>Family benefits counted as the family's resources.</summary>
    public static readonly IReadOnlySet<string> FamilyBenefits = new HashSet<string>(StringComparer.Ordinal) { "af", "cf", "asf", "paje_base", "cf_non_majore_avant_cumul", "paje_prepare", "paje_clca", "paje_colca", "rsa_forfait_asf", "af_base" };

    /// <summary>AAH variables the engine computes that a situation may also give (OpenFisca then takes the given value).</summary>
    public static readonly IReadOnlySet<string> GivenComputed = new HashSet<string>(StringComparer.Ordinal) { "aah_eligible", "aah_base_ressources_conjugalisee", "en_couple", "af_nbenf", "rsa_eligibilite_tns", "rsa_non_calculable", "rsa_nb_enfants", "rsa_majore_eligibilite", "aspa", "aah" };

    /// <summary>OpenFisca's values of <c>rsa_non_calculable</c>, in the order of <see cref="RsaNonCalculable"/>.</summary>
    public static readonly string[] RsaNonCalculableNames = ["calculable", "tns", "conjoint_tns"];

    public static readonly IReadOnlyList<string> TnsActivityNames = ["achat_revente", "bic", "bnc"];

    /// <summary>The States of the European Economic Area (the European Union, Iceland, Liechtenstein, Norway), France included.</summary>
    public static readonly IReadOnlySet<string> EeaCountries = new HashSet<string>(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
        "IS", "LI", "NO",
    };

    /// <summary>The values an enumerated input may take.</summary>
    public static IReadOnlyList<string> PossibleValues(string variable) => variable switch
    {
        "rsa_non_calculable" => RsaNonCalculableNames,
        "tns_autres_revenus_type_activite" => TnsActivityNames,
        _ => HousingStatusNames,
    };

    public static readonly IReadOnlyDictionary<string, VariableInfo> All = Build();

    private static Dictionary<string, VariableInfo> Build()
    {
        var all = new Dictionary<string, VariableInfo>(StringComparer.Ordinal);
        void Add(string name, EntityKind entity, ValueKind kind, VariableRole role, string label) => all[name] = new VariableInfo(name, entity, kind, role, label);
        foreach (var name in ActivityIncomes.Concat(OtherIncomes))
        {
            Add(name, EntityKind.Individu, ValueKind.Amount, VariableRole.Input, name);
        }
        foreach (var name in FamilyBenefits)
        {
            Add(name, EntityKind.Famille, ValueKind.Amount, VariableRole.Input, name);
        }
        foreach (var name in CapitalBoxes)
        {
            Add(name, EntityKind.FoyerFiscal, ValueKind.Amount, VariableRole.Input, "case " + name[1..].ToUpperInvariant() + " de la déclaration de revenus");
        }
        Add("date_naissance", EntityKind.Individu, ValueKind.Date, VariableRole.Input, "date de naissance");
        Add("etudiant", EntityKind.Individu, ValueKind.Boolean, VariableRole.Input, "étudiant");
        Add("stagiaire", EntityKind.Individu, ValueKind.Boolean, VariableRole.Input, "stagiaire");
        Add("apprenti", EntityKind.Individu, ValueKind.Boolean, VariableRole.Input, "apprenti");
        Add("nationalite", EntityKind.Individu, ValueKind.Enumeration, VariableRole.Input, "nationalité (code pays à deux lettres)");
        Add("duree_possession_titre_sejour", EntityKind.Individu, ValueKind.Quantity, VariableRole.Input, "années de possession d'un titre de séjour");
        Add("rpns_benefice_exploitant_agricole", EntityKind.Individu, ValueKind.Amount, VariableRole.Input, "bénéfice agricole");
        Add("rpns_autres_revenus", EntityKind.Individu, ValueKind.Amount, VariableRole.Input, "revenus d'activité non salariée (hors agricole et micro)");
        Add("rpns_autres_revenus_chiffre_affaires", EntityKind.Individu, ValueKind.Amount, VariableRole.Input, "chiffre d'affaires d'une activité non salariée");
        Add("rpns_micro_entreprise_chiffre_affaires", EntityKind.Individu, ValueKind.Amount, VariableRole.Input, "chiffre d'affaires d'une micro-entreprise");
        foreach (var name in new[] { "rpns_micro_entreprise_CA_bnc_imp", "rpns_micro_entreprise_CA_bic_vente_imp", "rpns_micro_entreprise_CA_bic_service_imp", "rpns_auto_entrepreneur_CA_bnc", "rpns_auto_entrepreneur_CA_bic_vente", "rpns_auto_entrepreneur_CA_bic_service" })
        {
            Add(name, EntityKind.Individu, ValueKind.Amount, VariableRole.Input, "chiffre d'affaires (" + name + ")");
        }
        Add("rpns_micro_entreprise_benefice", EntityKind.Individu, ValueKind.Amount, VariableRole.Input, "bénéfice d'une micro-entreprise");
        foreach (var name in SicknessAllowances)
        {
            Add(name, EntityKind.Individu, ValueKind.Amount, VariableRole.Input, name.Replace('_', ' '));
        }
        Add("date_arret_de_travail", EntityKind.Individu, ValueKind.Date, VariableRole.Input, "date de l'arrêt de travail");
        Add("tns_avec_employe", EntityKind.Individu, ValueKind.Boolean, VariableRole.Input, "travailleur non salarié employant des salariés");
        Add("tns_autres_revenus_type_activite", EntityKind.Individu, ValueKind.Enumeration, VariableRole.Input, "type d'activité non salariée (achat_revente, bic, bnc)");
        Add("rsa_jeune_condition_heures_travail_remplie", EntityKind.Individu, ValueKind.Boolean, VariableRole.Input, "moins de 25 ans ayant travaillé deux ans sur les trois dernières années");
        Add("enceinte", EntityKind.Individu, ValueKind.Boolean, VariableRole.Input, "grossesse");
        Add("taux_incapacite", EntityKind.Individu, ValueKind.Rate, VariableRole.Input, "taux d'incapacité");
        Add("aah_restriction_substantielle_durable_acces_emploi", EntityKind.Individu, ValueKind.Boolean, VariableRole.Input, "restriction substantielle et durable d'accès à l'emploi");
        foreach (var name in new[] { "salaire_imposable", "chomage_imposable", "retraite_imposable", "pensions_alimentaires_versees_individu" })
        {
            Add(name, EntityKind.Individu, ValueKind.Amount, VariableRole.Input, name + " (AAH)");
        }
        Add("prestations_familiales_enfant_a_charge", EntityKind.Individu, ValueKind.Boolean, VariableRole.Input, "enfant à charge au sens des prestations familiales (AAH dès 16 ans sinon)");
        Add("aah_conjugalise_eligible", EntityKind.Individu, ValueKind.Boolean, VariableRole.Input, "option pour le calcul conjugalisé de l'AAH après octobre 2023");
        Add("garde_alternee", EntityKind.Individu, ValueKind.Boolean, VariableRole.Input, "enfant en garde alternée");
        Add("aide_logement", EntityKind.Famille, ValueKind.Amount, VariableRole.Input, "aide au logement");
        Add("departement_experimentation_rsa", EntityKind.Famille, ValueKind.Boolean, VariableRole.Input, "département de l'expérimentation (ressources des mois M-4 à M-2)");
        Add("rsa_isolement_recent", EntityKind.Famille, ValueKind.Boolean, VariableRole.Input, "isolement de moins de douze mois");
        Add("loyer", EntityKind.Menage, ValueKind.Amount, VariableRole.Input, "loyer ou mensualité d'emprunt");
        Add("participation_frais", EntityKind.Menage, ValueKind.Boolean, VariableRole.Input, "participation aux frais du logement");
        Add("statut_occupation_logement", EntityKind.Menage, ValueKind.Enumeration, VariableRole.Input, "statut d'occupation du logement");
        // Accepted as input, not used by these rules (no warning).
        foreach (var (name, entity, kind) in new[]
        {
            ("taux_capacite_travail", EntityKind.Individu, ValueKind.Rate),
            ("activite", EntityKind.Individu, ValueKind.Enumeration),
            ("travailleur_non_salarie", EntityKind.Individu, ValueKind.Boolean),
            ("handicap", EntityKind.Individu, ValueKind.Boolean),
            ("statut_marital", EntityKind.Individu, ValueKind.Enumeration),
            ("salaire_de_base", EntityKind.Individu, ValueKind.Amount),
            ("nom", EntityKind.Individu, ValueKind.Enumeration),
            ("prenom", EntityKind.Individu, ValueKind.Enumeration),
            ("depcom", EntityKind.Menage, ValueKind.Enumeration),
            ("charges_locatives", EntityKind.Menage, ValueKind.Amount),
            ("coloc", EntityKind.Menage, ValueKind.Boolean),
            ("logement_chambre", EntityKind.Menage, ValueKind.Boolean),
        })
        {
            Add(name, entity, kind, VariableRole.Ignored, name);
        }

        // Computed.
        Add("age", EntityKind.Individu, ValueKind.Integer, VariableRole.Computed, "âge");
        Add("rsa", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "revenu de solidarité active");
        Add("rsa_socle", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "montant forfaitaire du RSA");
        Add("rsa_socle_majore", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "montant forfaitaire majoré du RSA");
        Add("rsa_forfait_logement", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "forfait logement du RSA");
        Add("rsa_base_ressources", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "ressources prises en compte pour le RSA");
        Add("rsa_eligibilite", EntityKind.Famille, ValueKind.Boolean, VariableRole.Computed, "éligibilité au RSA");
        Add("rsa_nb_enfants", EntityKind.Famille, ValueKind.Integer, VariableRole.Computed, "enfants comptés pour le RSA");
        Add("ressortissant_eee", EntityKind.Individu, ValueKind.Boolean, VariableRole.Computed, "ressortissant de l'Espace économique européen");
        Add("rsa_condition_nationalite", EntityKind.Individu, ValueKind.Boolean, VariableRole.Computed, "condition de nationalité et de séjour du RSA");
        Add("rsa_montant", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "RSA avant la non-calculabilité des travailleurs non salariés");
        Add("rsa_revenu_activite", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "revenus d'activité du foyer retenus pour le RSA");
        Add("rsa_revenu_activite_individu", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "revenus d'activité retenus pour le RSA");
        Add("rsa_majore_eligibilite", EntityKind.Famille, ValueKind.Boolean, VariableRole.Computed, "éligibilité au RSA majoré");
        Add("rsa_enfant_a_charge", EntityKind.Individu, ValueKind.Boolean, VariableRole.Computed, "enfant compté dans le foyer du RSA");
        Add("ppa_revenu_activite", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "revenus d'activité du mois pour la prime d'activité");
        Add("ppa_revenu_activite_individu", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "revenus d'activité du mois pour la prime d'activité");
        Add("ppa_ressources_hors_activite", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "autres ressources du mois pour la prime d'activité");
        Add("ppa_ressources_hors_activite_individu", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "autres ressources du mois pour la prime d'activité");
        Add("ppa_base_ressources", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "ressources du mois pour la prime d'activité");
        Add("ppa_montant_forfaitaire_familial_non_majore", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "montant forfaitaire de la prime d'activité");
        Add("ppa_montant_forfaitaire_familial_majore", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "montant forfaitaire majoré de la prime d'activité");
        Add("ppa_fictive", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "prime d'activité du mois (montant avant la moyenne des trois mois)");
        Add("ppa_eligibilite_apprenants", EntityKind.Famille, ValueKind.Boolean, VariableRole.Computed, "condition d'activité de la prime d'activité (étudiants et apprentis au-delà du plancher)");
        Add("rsa_eligibilite_tns", EntityKind.Famille, ValueKind.Boolean, VariableRole.Computed, "conditions des travailleurs non salariés pour le RSA (jusqu'en 2016)");
        Add("rsa_non_calculable", EntityKind.Famille, ValueKind.Enumeration, VariableRole.Computed, "RSA fixé par le département pour un travailleur non salarié (jusqu'en 2016)");
        Add("ppa", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "prime d'activité");
        Add("ppa_eligibilite", EntityKind.Famille, ValueKind.Boolean, VariableRole.Computed, "éligibilité à la prime d'activité");
        Add("ppa_forfait_logement", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "forfait logement de la prime d'activité");
        Add("ppa_bonification", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "bonification individuelle de la prime d'activité");
        Add("cmu_c_plafond", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "plafond annuel de la CSS gratuite");
        Add("acs_plafond", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "plafond annuel de la CSS avec participation");
        Add("css_cmu_base_ressources", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "ressources de l'année glissante pour la CSS");
        Add("cmu_c", EntityKind.Famille, ValueKind.Boolean, VariableRole.Computed, "complémentaire santé solidaire gratuite");
        Add("css_participation_forfaitaire", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "participation mensuelle à la CSS");
        Add("aah", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "allocation aux adultes handicapés");
        Add("aah_eligible", EntityKind.Individu, ValueKind.Boolean, VariableRole.Computed, "éligibilité à l'AAH");
        Add("aah_base_ressources", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "ressources annuelles pour l'AAH");
        Add("aah_plafond_ressources", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "plafond annuel de ressources de l'AAH");
        Add("aah_base", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "AAH hors complément");
        Add("aah_base_ressources_conjugalisee", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "ressources mensuelles de l'AAH, calcul conjugalisé");
        Add("aah_base_ressources_activite_eval_trimestrielle", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "revenus d'activité du dernier trimestre × 4 (AAH)");
        Add("aah_base_ressources_hors_activite_eval_annuelle", EntityKind.Individu, ValueKind.Amount, VariableRole.Computed, "pensions et rentes de l'année N-2 (AAH)");
        Add("en_couple", EntityKind.Famille, ValueKind.Boolean, VariableRole.Computed, "famille en couple");
        Add("af_nbenf", EntityKind.Famille, ValueKind.Integer, VariableRole.Computed, "enfants à charge au sens des allocations familiales");
        Add("aspa", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "allocation de solidarité aux personnes âgées");
        Add("aspa_eligibilite", EntityKind.Famille, ValueKind.Boolean, VariableRole.Computed, "éligibilité à l'ASPA");
        Add("aspa_base_ressources", EntityKind.Famille, ValueKind.Amount, VariableRole.Computed, "ressources annuelles pour l'ASPA");

        // OpenFisca variables often asked for that these rules do not compute.
        foreach (var (name, entity) in new[] { ("af", EntityKind.Famille), ("aide_logement_montant", EntityKind.Famille), ("acs", EntityKind.Famille), ("ppa_versee", EntityKind.Famille), ("caah", EntityKind.Individu), ("ass_montant", EntityKind.Individu), ("cheque_energie", EntityKind.Menage), ("irpp", EntityKind.FoyerFiscal), ("revenu_disponible", EntityKind.Menage), ("salaire_net_a_payer", EntityKind.Individu), ("paje", EntityKind.Famille), ("ars", EntityKind.Famille), ("bourse_college", EntityKind.Famille), ("prestations_familiales", EntityKind.Famille) })
        {
            all.TryAdd(name, new VariableInfo(name, entity, ValueKind.Amount, VariableRole.NotImplemented, name));
        }
        return all;
    }

    public static string EntityPlural(EntityKind kind) => kind switch
    {
        EntityKind.Individu => "individus",
        EntityKind.Famille => "familles",
        EntityKind.FoyerFiscal => "foyers_fiscaux",
        _ => "menages",
    };
}
