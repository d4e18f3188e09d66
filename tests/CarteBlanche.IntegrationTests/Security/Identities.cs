using CarteBlanche.Platform.Accounts;

namespace CarteBlanche.IntegrationTests.Security;

/// <summary>Who the matrix asks as: nobody signed in, then the demo accounts (DemoData) with their site or organisation.</summary>
public static class Identities
{
    public const string GrandCahors = DemoData.GrandCahorsSite;
    public const string Lalbenque = DemoData.LalbenqueSite;
    public const string Caf = "CAF du Lot";
    public const string Cpam = "CPAM du Lot";
    public const string Firm = "Boulangerie du Pont Valentré (démonstration)";
    public const string Association = "Association Mobilité solidaire du Lot (démonstration)";

    public static readonly Identity Anonymous = new("anonyme", null, null);
    public static readonly Identity Admin = new("admin", Mail("admin"), Roles.Admin, Organisation: "Préfecture du Lot");
    public static readonly Identity Coordinator = new("coordinator", Mail("coordinator"), Roles.Coordinator, Organisation: "Préfecture du Lot");
    public static readonly Identity Agent = new("agent", Mail("agent"), Roles.Agent, GrandCahors, "CA du Grand Cahors");
    public static readonly Identity SecondAgent = new("agent.grandcahors2", Mail("agent.grandcahors2"), Roles.Agent, GrandCahors, "CA du Grand Cahors");
    public static readonly Identity SocialWorker = new("socialworker", Mail("socialworker"), Roles.SocialWorker, GrandCahors, "Département du Lot");
    public static readonly Identity LalbenqueAgent = new("agent.lalbenque", Mail("agent.lalbenque"), Roles.Agent, Lalbenque, "La Poste");
    public static readonly Identity CafLead = new("partnerreferent", Mail("partnerreferent"), Roles.PartnerReferent, Organisation: Caf, Lead: true);
    public static readonly Identity CafReferent = new("referent.caf2", Mail("referent.caf2"), Roles.PartnerReferent, Organisation: Caf);
    public static readonly Identity CpamLead = new("referent.cpam", Mail("referent.cpam"), Roles.PartnerReferent, Organisation: Cpam, Lead: true);
    public static readonly Identity DataSteward = new("datasteward", Mail("datasteward"), Roles.DataSteward, Organisation: Caf);
    public static readonly Identity HrExpert = new("hrexpert", Mail("hrexpert"), Roles.HrExpert, Organisation: "France Travail");
    public static readonly Identity FirmOwner = new("firmowner", Mail("firmowner"), Roles.FirmOwner, Organisation: Firm);
    public static readonly Identity Helper = new("helper", Mail("helper"), Roles.Helper, Organisation: Association);

    public static readonly IReadOnlyList<Identity> All =
    [
        Anonymous, Admin, Coordinator, Agent, SecondAgent, SocialWorker, LalbenqueAgent,
        CafLead, CafReferent, CpamLead, DataSteward, HrExpert, FirmOwner, Helper,
    ];

    private static string Mail(string name) => $"{name}@{DemoData.Domain}";
}
