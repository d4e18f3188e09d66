namespace CarteBlanche.Desk.Mandates;

/// <summary>What the agent fills in with the resident to create a mandate; <see cref="Validate"/> says in French what is missing, field by field.</summary>
public sealed class MandateForm
{
    /// <summary>The value of <see cref="GrantedTo"/> for a mandate given to every agent of the site.</summary>
    public const string WholeSite = "site";

    public List<MandateDomain> Domains { get; set; } = [];
    public MandateDuration? Duration { get; set; }
    public MandateConsent? Consent { get; set; }
    /// <summary>Signed paper form: the agent confirms it is scanned and the paper kept. Unticked, the mandate waits for it.</summary>
    public bool SignedFormKept { get; set; }
    /// <summary><see cref="WholeSite"/>, or the id of an agent of the site.</summary>
    public string? GrantedTo { get; set; }
    public bool ResidentInformed { get; set; }

    /// <summary>The agent the mandate is given to once validated; null for the whole site.</summary>
    public Guid? AgentId { get; private set; }

    public List<KeyValuePair<string, string>> Validate(IReadOnlyCollection<Guid> siteAgents)
    {
        var errors = new List<KeyValuePair<string, string>>();
        void Error(string field, string message) => errors.Add(new(field, message));

        if (Domains.Count == 0)
        {
            Error(nameof(Domains), "Choisissez au moins un domaine dans lequel l'usager vous autorise à agir.");
        }
        if (Duration == null)
        {
            Error(nameof(Duration), "Choisissez la durée du mandat.");
        }
        if (Consent == null)
        {
            Error(nameof(Consent), "Indiquez comment l'usager a donné son accord : formulaire papier signé ou en personne.");
        }
        if (string.IsNullOrWhiteSpace(GrantedTo))
        {
            Error(nameof(GrantedTo), "Choisissez à qui l'usager donne mandat : un agent nommé ou l'ensemble des agents du lieu.");
        }
        else if (GrantedTo == WholeSite)
        {
            AgentId = null;
        }
        else if (Guid.TryParse(GrantedTo, out var agentId) && siteAgents.Contains(agentId))
        {
            AgentId = agentId;
        }
        else
        {
            Error(nameof(GrantedTo), "Le mandat ne peut être donné qu'à un agent de votre lieu d'accueil, ou à l'ensemble du lieu.");
        }
        if (!ResidentInformed)
        {
            Error(nameof(ResidentInformed), "Confirmez que l'usager a été informé du contenu du mandat et de son droit de le révoquer à tout moment.");
        }
        return errors;
    }
}
