using CarteBlanche.Desk.Residents;

namespace CarteBlanche.Desk.Cases;

public enum NeedDomain
{
    Sante,
    Emploi,
    Famille,
    Fiscalite,
    Retraite,
    Logement,
    Mobilite,
    PapiersIdentitePermis,
    Handicap,
    Justice,
    Numerique,
    Autre,
}

public enum CaseState
{
    New,
    InProgress,
    WaitingForPartner,
    AnswerReady,
    AnswerReturned,
    Closed,
}

public enum CaseOutcome
{
    Resolved,
    NotResolved,
    Abandoned,
}

public enum ResolutionPath
{
    AtCounter,
    WithPartner,
    Referred,
}

public enum CaseChannel
{
    InPerson,
    Phone,
}

/// <summary>
/// A resident's request (demande). The opening agent owns it and guarantees the answer until it is
/// closed; its states and the resolution path are the rules below. <see cref="Version"/> changes on
/// every save: two agents editing the same case do not overwrite each other.
/// </summary>
public sealed class Case
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Null once the resident's personal data has been wiped (see <see cref="Retention.DeskRetentionJob"/>).</summary>
    public Guid? ResidentId { get; set; }
    /// <summary>Site (France Services, mairie...) whose agents see the case.</summary>
    public Guid SiteId { get; set; }
    /// <summary>Where the resident was received: the site itself, a mairie, a bus stop.</summary>
    public Guid PlaceId { get; set; }
    public CaseChannel Channel { get; set; }
    public Guid OwnerId { get; set; }
    public CaseState State { get; set; } = CaseState.New;
    public ResolutionPath? Path { get; set; }
    public string? ReferredTo { get; set; }
    public DateOnly? ReferredOn { get; set; }
    public bool ReferralPending { get; set; }
    public string? ReferralOutcome { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? AnswerReturnedAt { get; set; }
    public ContactChannel? AnswerChannel { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public string? ClosingReason { get; set; }
    /// <summary>When the retention job wiped the case's free texts, timeline and contacts; the figures stay.</summary>
    public DateTimeOffset? WipedAt { get; set; }
    /// <summary>When a partner last answered one of the case's questions while it waits for a partner (null once asked again).</summary>
    public DateTimeOffset? PartnerAnsweredAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<Need> Needs { get; set; } = [];

    public bool IsOpen => State != CaseState.Closed;

    public string Reference => "D-" + Id.ToString("N")[..8].ToUpperInvariant();

    public string? Start()
    {
        if (State != CaseState.New)
        {
            return "La demande est déjà prise en charge.";
        }
        State = CaseState.InProgress;
        return null;
    }

    public string? WaitForPartner()
    {
        if (State is not (CaseState.New or CaseState.InProgress))
        {
            return "Seule une demande nouvelle ou en cours peut attendre un partenaire.";
        }
        State = CaseState.WaitingForPartner;
        return null;
    }

    /// <summary>The answer is known: found at the counter, or obtained from a partner on the resident's behalf.</summary>
    public string? MarkAnswerReady(ResolutionPath path)
    {
        if (State is not (CaseState.New or CaseState.InProgress or CaseState.WaitingForPartner))
        {
            return "La réponse ne peut être notée prête qu'avant d'avoir été rendue.";
        }
        if (path == ResolutionPath.Referred)
        {
            return "Pour une orientation, notez l'orientation puis son issue.";
        }
        if (ReferralPending)
        {
            return "Une orientation est en cours : notez d'abord son issue.";
        }
        Path ??= path;
        State = CaseState.AnswerReady;
        return null;
    }

    /// <summary>Last resort: referral to an expert service. The case stays open until its outcome is recorded.</summary>
    public string? Refer(string service, DateOnly on)
    {
        if (State is not (CaseState.New or CaseState.InProgress or CaseState.WaitingForPartner))
        {
            return "On ne peut orienter qu'une demande en cours.";
        }
        if (string.IsNullOrWhiteSpace(service))
        {
            return "Indiquez le service vers lequel l'usager est orienté.";
        }
        if (DeskLimits.CheckLength(service, DeskLimits.ShortText, "Le nom du service") is { } tooLong)
        {
            return tooLong;
        }
        Path = ResolutionPath.Referred;
        ReferredTo = service.Trim();
        ReferredOn = on;
        ReferralPending = true;
        State = CaseState.InProgress;
        return null;
    }

    public string? RecordReferralOutcome(string outcome)
    {
        if (!ReferralPending)
        {
            return "Aucune orientation n'attend son issue.";
        }
        if (string.IsNullOrWhiteSpace(outcome))
        {
            return "Décrivez l'issue de l'orientation.";
        }
        if (DeskLimits.CheckLength(outcome, DeskLimits.Text, "L'issue de l'orientation") is { } tooLong)
        {
            return tooLong;
        }
        ReferralOutcome = outcome.Trim();
        ReferralPending = false;
        State = CaseState.AnswerReady;
        return null;
    }

    public string? ReturnAnswer(ContactChannel channel, DateTimeOffset at)
    {
        if (State != CaseState.AnswerReady)
        {
            return "La réponse doit d'abord être notée prête.";
        }
        AnswerChannel = channel;
        AnswerReturnedAt = at;
        State = CaseState.AnswerReturned;
        return null;
    }

    public string? Close(CaseOutcome outcome, string? reason, DateTimeOffset at)
    {
        if (State == CaseState.Closed)
        {
            return "La demande est déjà close.";
        }
        if (outcome == CaseOutcome.Resolved && State != CaseState.AnswerReturned)
        {
            return "Une demande n'est résolue qu'une fois la réponse rendue à l'usager.";
        }
        if (outcome != CaseOutcome.Resolved && string.IsNullOrWhiteSpace(reason))
        {
            return "Indiquez pourquoi la demande est close sans être résolue.";
        }
        if (DeskLimits.CheckLength(reason, DeskLimits.Text, "Le motif") is { } tooLong)
        {
            return tooLong;
        }
        Outcome = outcome;
        ClosingReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ClosedAt = at;
        ReferralPending = false;
        State = CaseState.Closed;
        return null;
    }

    public string? HandOver(Guid newOwnerId)
    {
        if (State == CaseState.Closed)
        {
            return "Une demande close ne se transmet plus.";
        }
        if (newOwnerId == OwnerId)
        {
            return "Cet agent porte déjà la demande.";
        }
        OwnerId = newOwnerId;
        return null;
    }

    public bool IsOverdue(DateOnly today) => State is not (CaseState.AnswerReturned or CaseState.Closed) && DueDate < today;

    /// <summary>Waiting for a partner whose answer came in: the agent has something to read and act on.</summary>
    public bool HasPartnerAnswer => State == CaseState.WaitingForPartner && PartnerAnsweredAt != null;
}

public sealed class Need
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public NeedDomain Domain { get; set; }
    public required string Description { get; set; }
    public Guid? ProcedureId { get; set; }
}

/// <summary>The case's timeline: who did what, when (no personal data beyond the case's own).</summary>
public sealed class CaseEvent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid ActorId { get; set; }
    public required string Text { get; set; }
}
