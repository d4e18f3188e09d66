using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Network.Questions;

public enum QuestionState
{
    Sent,
    Taken,
    MoreInfoNeeded,
    Answered,
    NotRightPartner,
    Closed,
}

public enum Usefulness
{
    Yes,
    DontKnow,
    No,
}

public enum MessageKind
{
    Question,
    Answer,
    MoreInfoRequest,
    AgentReply,
    InternalNote,
    NotRightPartner,
    Invitation,
    Rerouted,
    Closing,
}

/// <summary>The partners' commitment: an answer within 48 working hours of sending (business calendar).</summary>
public static class QuestionDeadline
{
    public const double CommitmentHours = 48;

    public static DateTimeOffset DueAt(FrenchBusinessCalendar calendar, DateTimeOffset sentAt) => calendar.AddWorkingHours(sentAt, CommitmentHours);

    /// <summary>When half of the time is left: the first reminder to the referents.</summary>
    public static DateTimeOffset HalfTimeAt(FrenchBusinessCalendar calendar, DateTimeOffset sentAt) => calendar.AddWorkingHours(sentAt, CommitmentHours / 2);

    /// <summary>Working time left (negative once overdue), for the agent's countdown.</summary>
    public static TimeSpan Left(FrenchBusinessCalendar calendar, DateTimeOffset dueAt, DateTimeOffset now) => calendar.WorkingTimeBetween(now, dueAt);

    /// <summary>"reste 31 h ouvrées", "en retard de 3 h ouvrées".</summary>
    public static string Countdown(TimeSpan left)
    {
        var hours = (int)Math.Ceiling(Math.Abs(left.TotalHours));
        return left > TimeSpan.Zero
            ? $"reste {hours} h ouvrée{(hours > 1 ? "s" : "")}"
            : $"en retard de {Math.Max(hours, 1)} h ouvrée{(hours > 1 ? "s" : "")}";
    }
}

/// <summary>
/// A question from an agent to a partner organisation (sollicitation), about one case. The organisation's referents
/// take it and answer within 48 working hours; the agent closes it with a usefulness answer. <see cref="Version"/>
/// changes on every save: two people acting at once do not overwrite each other.
/// </summary>
public sealed class PartnerQuestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public required string CaseReference { get; set; }
    /// <summary>The site of the case: its agents follow the question.</summary>
    public Guid SiteId { get; set; }
    public Guid AskedBy { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>Département code of the asking site: the organisation's referents for that territory are notified.</summary>
    public required string Territory { get; set; }
    /// <summary>The need's domain (code and label): for routing and figures, never personal.</summary>
    public required string Domain { get; set; }
    public required string DomainLabel { get; set; }
    public QuestionState State { get; set; } = QuestionState.Sent;
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>Incremented when the question is re-routed to another organisation: reminders are per round.</summary>
    public int Round { get; set; } = 1;
    public Guid? TakenBy { get; set; }
    public DateTimeOffset? TakenAt { get; set; }
    /// <summary>The partner's first reply (answer or request for more information) in this round: the answer-time figures.</summary>
    public DateTimeOffset? FirstReplyAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Usefulness? Usefulness { get; set; }
    /// <summary>What was shared, in words ("nom et prénom, date de naissance, NIR"): not personal in itself.</summary>
    public required string SharedFields { get; set; }
    /// <summary>The shared data itself, encrypted; null once wiped.</summary>
    public string? SharedDataProtected { get; set; }
    /// <summary>Set when another organisation's referent invited this organisation into the case.</summary>
    public Guid? InvitedFromQuestionId { get; set; }
    public DateTimeOffset? WipedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public string Reference => ReferenceOf(Id);

    public static string ReferenceOf(Guid id) => "S-" + id.ToString("N")[..8].ToUpperInvariant();

    /// <summary>The partner still owes an answer: reminders apply.</summary>
    public bool AwaitsPartner => State is QuestionState.Sent or QuestionState.Taken;

    public static PartnerQuestion Send(DateTimeOffset now, FrenchBusinessCalendar calendar, Guid caseId, string caseReference, Guid siteId, Guid askedBy,
        Guid organisationId, string territory, string domain, string domainLabel, string sharedFields, string? sharedDataProtected) =>
        new()
        {
            CaseId = caseId,
            CaseReference = caseReference,
            SiteId = siteId,
            AskedBy = askedBy,
            OrganisationId = organisationId,
            Territory = territory,
            Domain = domain,
            DomainLabel = domainLabel,
            SentAt = now,
            DueAt = QuestionDeadline.DueAt(calendar, now),
            SharedFields = sharedFields,
            SharedDataProtected = sharedDataProtected,
        };

    public string? Take(Guid referentId, DateTimeOffset now)
    {
        if (State is not (QuestionState.Sent or QuestionState.Taken))
        {
            return State == QuestionState.Closed ? "La sollicitation est close." : "La sollicitation n'attend plus d'être prise en charge.";
        }
        if (TakenBy == referentId)
        {
            return "Vous vous occupez déjà de cette sollicitation.";
        }
        TakenBy = referentId;
        TakenAt = now;
        State = QuestionState.Taken;
        return null;
    }

    public string? Answer(Guid referentId, DateTimeOffset now)
    {
        var refusal = PartnerMayReply();
        if (refusal != null)
        {
            return refusal;
        }
        TakenBy ??= referentId;
        TakenAt ??= now;
        FirstReplyAt ??= now;
        AnsweredAt = now;
        State = QuestionState.Answered;
        return null;
    }

    public string? AskMoreInformation(Guid referentId, DateTimeOffset now)
    {
        var refusal = PartnerMayReply();
        if (refusal != null)
        {
            return refusal;
        }
        TakenBy ??= referentId;
        TakenAt ??= now;
        FirstReplyAt ??= now;
        State = QuestionState.MoreInfoNeeded;
        return null;
    }

    public string? DeclareNotRightPartner()
    {
        if (State is not (QuestionState.Sent or QuestionState.Taken))
        {
            return State == QuestionState.Closed ? "La sollicitation est close." : "Seule une sollicitation en attente de réponse peut être déclarée hors de votre champ.";
        }
        State = QuestionState.NotRightPartner;
        return null;
    }

    /// <summary>The agent gives the information asked: the question waits for the partner again.</summary>
    public string? ReplyWithInformation()
    {
        if (State != QuestionState.MoreInfoNeeded)
        {
            return "Le partenaire n'attend pas d'information complémentaire.";
        }
        State = TakenBy == null ? QuestionState.Sent : QuestionState.Taken;
        return null;
    }

    /// <summary>Sends the question to another organisation: a new round with a new 48-hour deadline.</summary>
    public string? Reroute(Guid organisationId, DateTimeOffset now, FrenchBusinessCalendar calendar)
    {
        if (State == QuestionState.Closed)
        {
            return "La sollicitation est close.";
        }
        if (State is QuestionState.Answered)
        {
            return "La sollicitation a reçu une réponse : clôturez-la, puis sollicitez un autre partenaire si besoin.";
        }
        if (organisationId == OrganisationId)
        {
            return "La sollicitation est déjà adressée à cet organisme.";
        }
        OrganisationId = organisationId;
        Round++;
        SentAt = now;
        DueAt = QuestionDeadline.DueAt(calendar, now);
        TakenBy = null;
        TakenAt = null;
        FirstReplyAt = null;
        State = QuestionState.Sent;
        return null;
    }

    /// <summary>Closes the question; <paramref name="usefulness"/> is asked only once the partner answered (null: closed without an answer).</summary>
    public string? Close(Usefulness? usefulness, DateTimeOffset now)
    {
        if (State == QuestionState.Closed)
        {
            return "La sollicitation est déjà close.";
        }
        Usefulness = usefulness;
        ClosedAt = now;
        State = QuestionState.Closed;
        return null;
    }

    private string? PartnerMayReply() => State switch
    {
        QuestionState.Closed => "La sollicitation est close : on n'y répond plus.",
        QuestionState.NotRightPartner => "La sollicitation a été déclarée hors de votre champ : elle attend d'être réorientée.",
        QuestionState.MoreInfoNeeded => "Vous attendez déjà une information de l'agent.",
        QuestionState.Answered => "Vous avez déjà répondu : l'agent va clôturer la sollicitation.",
        _ => null,
    };
}

/// <summary>One entry of a question's thread. Internal notes are seen only inside the author's organisation.</summary>
public sealed class QuestionMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid QuestionId { get; set; }
    public MessageKind Kind { get; set; }
    public Guid AuthorId { get; set; }
    public Guid AuthorOrganisationId { get; set; }
    /// <summary>Free text; cleared when the case's personal data is wiped.</summary>
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public bool IsInternal => Kind == MessageKind.InternalNote;
}

/// <summary>A document joined to a message, stored encrypted; deleted with the case's personal data.</summary>
public sealed class QuestionAttachment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid QuestionId { get; set; }
    public Guid MessageId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] EncryptedContent { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public enum ReminderKind
{
    HalfTime,
    Overdue,
    Escalation,
}

/// <summary>A reminder sent for a question: the primary key (question, round, kind) makes each one go out once, whatever the instances.</summary>
public sealed class QuestionReminder
{
    public Guid QuestionId { get; set; }
    public int Round { get; set; }
    public ReminderKind Kind { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public int Recipients { get; set; }
}
