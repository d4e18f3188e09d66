using R = CarteBlanche.Platform.Accounts.Roles;

namespace CarteBlanche.IntegrationTests.Security;

/// <summary>
/// Who may open each route of the app, declared here by hand (not read from the policies: the matrix checks them).
/// A route added to the app without a line here fails the suite. Objects of a site are for the agents and social
/// workers of that site; a partner's for its referents; what a firm owner, a helper or a data steward may see is
/// their own organisation's.
/// </summary>
public static class AuthorizationMatrix
{
    // The role sets, as the product means them.
    private static bool SignedIn(Identity who) => !who.IsAnonymous;
    private static bool Administrator(Identity who) => who.Is(R.Admin);
    private static bool Territory(Identity who) => who.Is(R.Coordinator, R.Admin);
    private static bool DeskUser(Identity who) => who.Is(R.Agent, R.SocialWorker);
    private static bool TerritoryReader(Identity who) => who.Is(R.Agent, R.SocialWorker, R.Coordinator, R.Admin);
    private static bool NetworkUser(Identity who) => who.Is(R.Agent, R.SocialWorker, R.PartnerReferent, R.Coordinator, R.Admin);
    private static bool NewsPublisher(Identity who) => who.Is(R.PartnerReferent, R.Coordinator, R.Admin);
    private static bool RightsUser(Identity who) => who.Is(R.Agent, R.SocialWorker, R.DataSteward, R.Coordinator, R.Admin);
    private static bool Steward(Identity who) => who.Is(R.DataSteward, R.Coordinator, R.Admin);
    private static bool BusCrew(Identity who) => who.Is(R.Agent, R.SocialWorker, R.Coordinator, R.Admin);
    private static bool MobilityUser(Identity who) => who.Is(R.Helper, R.Agent, R.SocialWorker, R.Coordinator, R.Admin);
    /// <summary>The carpool operator: the association named by Mobility:CarpoolOperator (the demo's), and the territory.</summary>
    private static bool CarpoolOperator(Identity who) => Territory(who) || (who.Is(R.Helper) && who.Organisation == Identities.Association);
    private static bool EmployersUser(Identity who) => who.Is(R.HrExpert, R.FirmOwner, R.Coordinator, R.Admin);
    private static bool HrExpertRole(Identity who) => who.Is(R.HrExpert, R.Coordinator, R.Admin);
    /// <summary>A firm's experts edit it: the demo expert follows the demo firm only; the territory edits every firm.</summary>
    private static bool FirmEditor(Identity who, Target firm) => Territory(who) || (who.Is(R.HrExpert) && firm.Organisation == Identities.Firm);
    /// <summary>Its owner reads it too.</summary>
    private static bool FirmReader(Identity who, Target firm) => FirmEditor(who, firm) || (who.Is(R.FirmOwner) && who.Organisation == firm.Organisation);

    // Scopes: the object belongs to the identity's site or organisation.
    private static bool OfSite(Identity who, Target target) => DeskUser(who) && who.Site == target.Site;
    private static bool OfPartner(Identity who, Target target) => who.Is(R.PartnerReferent) && who.Organisation == target.Organisation;
    private static bool LeadOf(Identity who, Target target) => OfPartner(who, target) && who.Lead;
    private static bool StewardOf(Identity who, Target target) => who.Is(R.DataSteward) && target.Organisation!.Split('|').Contains(who.Organisation);

    private static RouteRule Public(string pattern, Func<MatrixData, IEnumerable<Target>>? targets = null) =>
        new(pattern, isPublic: true, targets ?? (_ => [Target.None]), (_, _) => true);

    private static RouteRule Page(string pattern, Func<Identity, bool> roles) =>
        new(pattern, isPublic: false, _ => [Target.None], (who, _) => roles(who));

    private static RouteRule Page(string pattern, string kind, Func<Identity, Target, bool> mayOpen) =>
        new(pattern, isPublic: false, data => data[kind], mayOpen);

    private static RouteRule Api(string pattern) => new(pattern, isPublic: true, _ => [], (_, _) => true) { IsApi = true };

    public static readonly IReadOnlyList<RouteRule> Rules =
    [
        // --- front door, account, platform administration -----------------------------------------------------------
        Public(""),
        Public("accessibilite"),
        Public("mentions-legales"),
        Public("donnees-personnelles"),
        Public("connexion"),
        Public("connexion/code"),
        Public("connexion/proconnect"),
        Public("erreur/{code:int?}", _ => [Target.Of("erreur", "code", 404)]),
        Public("invitation/{token}", _ => [Target.Of("lien inconnu", "token", "jeton-inconnu")]),
        Public("resultats"),
        Public("resultats/{slug:regex(^[a-z]+$)}", _ => [Target.Of("guichet", "slug", "guichet")]),
        Page("resultats/avis", Territory),
        Page("deconnexion", SignedIn),
        Page("Compte", SignedIn),
        Page("Compte/DoubleAuthentification", SignedIn),
        Page("Admin/Audit", Administrator),
        Page("Admin/Comptes", Administrator),
        Page("Admin/Comptes/Inviter", Administrator),
        Page("Admin/Comptes/Modifier/{id:guid}", "account", (who, _) => Administrator(who)),
        Page("Territoire/Communes", TerritoryReader),
        Page("Territoire/Communes/Modifier/{code}", "commune", (who, _) => Territory(who)),
        Page("Territoire/Lieux", TerritoryReader),
        Page("Territoire/Lieux/Modifier/{id:guid?}", "place", (who, _) => Territory(who)),
        Page("Territoire/Organisations", TerritoryReader),
        Page("Territoire/Organisations/Modifier/{id:guid?}", "organisation", (who, _) => Territory(who)),
        Api("/health/live"),
        Api("/health/ready"),
        Api("/openapi/{documentName}.json"),

        // --- bus: public timetable; passages for the crews; stops, crews and planning for the territory ---------------
        Public("car"),
        Public("car/communes/{code}", data => data["stop"]),
        Public("car/communes/{code}/affiche", data => data["stop"]),
        Public("car/abonnement/{token}", _ => [Target.Of("lien inconnu", "token", "jeton-inconnu")]),
        Public("car/desabonnement/{token}", _ => [Target.Of("lien inconnu", "token", "jeton-inconnu")]),
        Page("car/chiffres", BusCrew),
        Page("car/mes-journees", BusCrew),
        // Visit and Opinion: the crew of the day or the territory; anyone else gets a message on the page (not tested here).
        Page("car/passages/{id:guid}", "passage", (who, _) => BusCrew(who)).Handler("Cancel", Territory),
        Page("car/arrets", Territory),
        Page("car/arrets/{code}", "stop", (who, _) => Territory(who)),
        Page("car/equipage", Territory),
        Page("car/planification", Territory),
        Page("car/planification/{id:guid}", "planning", (who, _) => Territory(who)),
        Api("/car/tournee.ics"),
        Api("/car/communes/{code}/passages.ics"),

        // --- mobility: public journeys and offers; needs for who recorded them and the carpool operator --------------
        Public("mobilite"),
        Public("mobilite/demande"),
        Public("mobilite/offres"),
        Page("mobilite/offres/modifier/{id:guid?}", "offer", (who, _) => Territory(who)),
        Page("mobilite/reseaux", Territory),
        Page("mobilite/reseaux/{id:guid}", "network", (who, _) => Territory(who)),
        Page("mobilite/besoins", MobilityUser),
        Page("mobilite/besoins/nouveau", MobilityUser),
        Page("mobilite/besoins/{id:guid}", "need", (who, need) => CarpoolOperator(who) || (MobilityUser(who) && who.Name == need.Owner)),
        Page("mobilite/conducteurs/nouveau", MobilityUser),
        Page("mobilite/covoiturage", CarpoolOperator),
        Page("mobilite/chiffres", MobilityUser),
        Page("mobilite/besoins-non-couverts", MobilityUser),

        // --- employers: a firm for its experts and the territory, read by its owner -----------------------------------
        Page("employeurs", EmployersUser),
        Page("employeurs/inscrire", HrExpertRole),
        Page("employeurs/temps", HrExpertRole),
        Page("employeurs/evaluation", HrExpertRole),
        Page("employeurs/{id:guid}", "firm", FirmReader)
            .Handler("Expert", FirmEditor).Handler("InviteOwner", FirmEditor).Handler("RemoveExpert", FirmEditor),
        Page("employeurs/{id:guid}/avis", "firm", FirmReader),
        Page("employeurs/{id:guid}/registre", "firm", FirmReader),
        Page("employeurs/{id:guid}/modifier", "firm", FirmEditor),
        Page("employeurs/{id:guid}/dsn", "firm", FirmEditor),
        Page("employeurs/{id:guid}/bulletins/nouveau", "firm", FirmEditor),
        Page("employeurs/{id:guid}/salaries/nouveau", "firm", FirmEditor),
        Page("employeurs/{id:guid}/offres/nouvelle", "firm", FirmEditor),
        Page("employeurs/salaries/{id:guid}", "employee", FirmReader)
            .Handler("Interview", FirmEditor).Handler("Training", FirmEditor).Handler("Visit", FirmEditor),
        Page("employeurs/salaries/{id:guid}/dsn", "employee", FirmEditor),
        // The end of a contract still running: only its editors (its owner sees it once the contract has ended).
        Page("employeurs/salaries/{id:guid}/fin-de-contrat", "employee", FirmEditor),
        Page("employeurs/bulletins/{id:guid}", "payslip", FirmReader),
        Page("employeurs/offres/{id:guid}", "joboffer", FirmReader)
            .Handler("Publish", FirmEditor).Handler("Withdraw", FirmEditor).Handler("Candidate", FirmEditor).Handler("Status", FirmEditor),
        Page("employeurs/embauches/nouvelle", "candidate", FirmEditor),
        Page("employeurs/embauches/{id:guid}", "hiring", (_, _) => false),

        // --- desk: residents, cases and mandates of the identity's site -----------------------------------------------
        Page("guichet", DeskUser),
        Page("usagers", DeskUser),
        Page("usagers/nouveau", DeskUser),
        Page("usagers/{id:guid}", "resident", OfSite),
        Page("usagers/{residentId:guid}/accompagnement", "resident", OfSite),
        Page("demandes/nouvelle/{residentId:guid}", "resident", OfSite),
        Page("demandes/{id:guid}", "case", OfSite),
        Page("mandats/nouveau/{residentId:guid}", "resident", OfSite),
        Page("mandats/{id:guid}", "mandate", OfSite),
        Page("mandats/{id:guid}/imprimer", "mandate", OfSite),
        Page("chiffres", TerritoryReader),
        Page("demarches", TerritoryReader),
        Page("demarches/informations", TerritoryReader),
        Page("demarches/{code}", "procedure", (who, _) => TerritoryReader(who)),
        Page("demarches/{code}/proposer", "procedure", (who, _) => TerritoryReader(who)),
        Page("demarches/propositions", Territory),
        Page("formations", TerritoryReader).Handler("", Territory),
        Public("satisfaction/{token}", _ => [Target.Of("lien inconnu", "token", "jeton-inconnu")]),

        // --- network: questions of the asking site and of the partner asked ------------------------------------------
        Page("reseau/sollicitations", NetworkUser).Handler("Reroute", Territory),
        Page("reseau/sollicitations/{id:guid}", "question", (who, q) => OfSite(who, q) || OfPartner(who, q))
            .Handler("Take", OfPartner).Handler("Reply", OfPartner).Handler("Invite", OfPartner)
            .Handler("AgentReply", OfSite).Handler("Reroute", OfSite).Handler("Close", OfSite),
        Page("reseau/sollicitations/{id:guid}/proposer-une-fiche", "question", OfSite),
        Page("reseau/solliciter/{caseId:guid}", "case", OfSite),
        Page("reseau/partenaires/{id:guid}", "partner", (who, p) => Territory(who) || (OfPartner(who, p) && who.Lead)),
        Page("reseau/annuaire", NetworkUser),
        Page("reseau/notifications", NetworkUser),
        Page("reseau/actualites", NetworkUser).Handler("Withdraw", NewsPublisher),
        Page("reseau/actualites/publier", NewsPublisher),
        Page("reseau/fiches", NetworkUser),
        Page("reseau/fiches/chiffres", NetworkUser),
        // A card not yet validated: who proposed it, its partner's referents and the territory; its lead referent decides.
        Page("reseau/fiches/{id:guid}", "card", (who, card) => who.Name == card.Owner || OfPartner(who, card) || Territory(who))
            .Handler("Validate", LeadOf).Handler("Reject", LeadOf).Handler("Edit", LeadOf).Handler("Vote", (_, _) => false),
        Public("reseau/delais"),
        Api("/reseau/actualites/{territory}/atom.xml"),
        Api("/api/reseau/v1/sollicitations/"),
        Api("/api/reseau/v1/sollicitations/{id:guid}"),
        Api("/api/reseau/v1/sollicitations/{id:guid}/prise-en-charge"),
        Api("/api/reseau/v1/sollicitations/{id:guid}/reponses"),

        // --- rights: conventions and campaigns for the parties' data stewards; consents of the site ------------------
        Page("droits", RightsUser),
        Page("droits/a-proposer", DeskUser),
        Page("droits/conventions/nouvelle", Steward),
        Page("droits/conventions/{id:guid}", "convention", (who, _) => RightsUser(who))
            .Handler("Sign", (who, _) => Territory(who) || who.Is(R.DataSteward))
            .Handler("AddAttribute", (who, _) => Territory(who) || who.Is(R.DataSteward))
            .Handler("RemoveAttribute", (who, _) => Territory(who) || who.Is(R.DataSteward)),
        Page("droits/conventions/{id:guid}/fichiers", "convention", (who, _) => Steward(who))
            .Handler("NewKey", DataStewardOnly).Handler("RevokeKey", DataStewardOnly),
        Page("droits/conventions/{id:guid}/fichiers/{importId:guid}", "import", (who, i) => Territory(who) || StewardOf(who, i)),
        Page("droits/campagnes", Steward),
        Page("droits/campagnes/{id:guid}", "campaign", (who, _) => Steward(who)),
        Page("droits/campagnes/{id:guid}/rapprochements", "campaign", (who, _) => who.Is(R.DataSteward)),
        Page("droits/campagnes/{id:guid}/signalements", "campaign", (who, _) => who.Is(R.DataSteward)),
        Page("droits/rapprochements/{id:guid}", "review", StewardOf),
        Page("droits/signalements/{id:guid}", "signal", StewardOf),
        Page("droits/consentements/nouveau/{residentId:guid}", "resident", OfSite),
        Page("droits/consentements/{id:guid}", "consent", OfSite),
        Public("mes-consentements/{token}", _ => [Target.Of("lien inconnu", "token", "jeton-inconnu")]),
        Public("simulateur"),
        Api("/api/droits/v1/conventions/{id:guid}/donnees"),
    ];

    private static bool DataStewardOnly(Identity who) => who.Is(R.DataSteward);
}
