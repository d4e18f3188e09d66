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

/// <summary>Who took a question in a round: a referent's account (pages) or an organisation's API key (partner API), never mixed up.</summary>
public readonly record struct Taker(Guid? AccountId, Guid? ApiKeyId)
{
    public static Taker Account(Guid accountId) => new(accountId, null);
    public static Taker ApiKey(Guid apiKeyId) => new(null, apiKeyId);
}

/// <summary>How a round ended.</summary>
public enum RoundOutcome
{
    /// <summary>The organisation answered.</summary>
    Answered,
    /// <summary>The organisation declared the question outside its remit (« pas de notre ressort »).</summary>
    NotRightPartner,
    /// <summary>The agent or a coordinator sent the question to another organisation.</summary>
    Rerouted,
    /// <summary>The agent closed the question before an answer.</summary>
    Withdrawn,
}

/// <summary>
/// One organisation's turn on a question: sent to it at <see cref="SentAt"/>, owed an answer by <see cref="DueAt"/>
/// (48 working hours). When the organisation asks the agent for information the clock stops (<see cref="Pause"/>);
/// at the agent's answer it starts again (<see cref="Resume"/>): the due time moves forward by the paused working
/// time, so the organisation keeps the time it had left, never less and never back to the original due time.
/// Reminders, escalation and the published answer times are per round.
/// </summary>
public sealed class QuestionRound
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid QuestionId { get; set; }
    /// <summary>1 for the first organisation, then one more at each re-routing.</summary>
    public int Number { get; set; }
    public Guid OrganisationId { get; set; }
    public DateTimeOffset SentAt { get; set; }
    /// <summary>When half of the working time is left: the first reminder.</summary>
    public DateTimeOffset HalfTimeAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public Guid? TakenByAccountId { get; set; }
    public Guid? TakenByApiKeyId { get; set; }
    public DateTimeOffset? TakenAt { get; set; }
    /// <summary>The organisation's first reply in this round (answer, request for information, « pas de notre ressort »): the answer-time figures.</summary>
    public DateTimeOffset? FirstReplyAt { get; set; }
    /// <summary>Set while the organisation waits for the agent's information: the clock is stopped.</summary>
    public DateTimeOffset? PausedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public RoundOutcome? Outcome { get; set; }

    public Taker? TakenBy => TakenByAccountId == null && TakenByApiKeyId == null ? null : new Taker(TakenByAccountId, TakenByApiKeyId);

    public bool IsOpen => EndedAt == null;

    public static QuestionRound Start(FrenchBusinessCalendar calendar, Guid questionId, int number, Guid organisationId, DateTimeOffset now) =>
        new()
        {
            QuestionId = questionId,
            Number = number,
            OrganisationId = organisationId,
            SentAt = now,
            HalfTimeAt = QuestionDeadline.HalfTimeAt(calendar, now),
            DueAt = QuestionDeadline.DueAt(calendar, now),
        };

    public void Take(Taker taker, DateTimeOffset at)
    {
        TakenByAccountId = taker.AccountId;
        TakenByApiKeyId = taker.ApiKeyId;
        TakenAt = at;
    }

    /// <summary>The organisation replied: taken by the replier if nobody had taken it, first reply time kept.</summary>
    public void Reply(Taker taker, DateTimeOffset at)
    {
        if (TakenBy == null)
        {
            Take(taker, at);
        }
        FirstReplyAt ??= at;
    }

    /// <summary>The organisation asks the agent for information: the clock stops at <paramref name="at"/>.</summary>
    public void Pause(DateTimeOffset at) => PausedAt ??= at;

    /// <summary>
    /// The agent's information arrives at <paramref name="at"/>: the due time (and half-time) move forward by the
    /// working time the clock was stopped, so the time that was left restarts from now.
    /// </summary>
    public void Resume(FrenchBusinessCalendar calendar, DateTimeOffset at)
    {
        if (PausedAt is not { } pausedAt)
        {
            return;
        }
        var paused = at > pausedAt ? calendar.WorkingTimeBetween(pausedAt, at) : TimeSpan.Zero;
        if (paused > TimeSpan.Zero)
        {
            DueAt = calendar.AddWorkingHours(DueAt, paused.TotalHours);
            HalfTimeAt = calendar.AddWorkingHours(HalfTimeAt, paused.TotalHours);
        }
        PausedAt = null;
    }

    public void End(RoundOutcome outcome, DateTimeOffset at)
    {
        Outcome = outcome;
        EndedAt = at;
        PausedAt = null;
    }

    /// <summary>
    /// Whether the organisation missed its 48 working hours in this round: its first reply came after the due time
    /// (the first reply precedes any pause, so it is held to the original due time), or the round is without a reply
    /// and its due time passed before it ended (or before <paramref name="now"/>). Null while it cannot be told yet.
    /// </summary>
    public bool? WasLate(FrenchBusinessCalendar calendar, DateTimeOffset now)
    {
        if (FirstReplyAt is { } reply)
        {
            return reply > QuestionDeadline.DueAt(calendar, SentAt);
        }
        // Without a reply: late once the due time passed in the round; a round ended earlier is not judged.
        return (EndedAt ?? now) >= DueAt ? true : null;
    }
}

/// <summary>
/// A question from an agent to a partner organisation (sollicitation), about one case. The organisation's referents
/// take it and answer within 48 working hours; the agent closes it with a usefulness answer. Each organisation the
/// question is sent to has its own <see cref="QuestionRound"/> (deadline, taker, first reply). <see cref="Version"/>
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
    /// <summary>The organisation of the current round.</summary>
    public Guid OrganisationId { get; set; }
    /// <summary>Département code of the asking site: the organisation's referents for that territory are notified.</summary>
    public required string Territory { get; set; }
    /// <summary>The need's domain (code and label): for routing and figures, never personal.</summary>
    public required string Domain { get; set; }
    public required string DomainLabel { get; set; }
    public QuestionState State { get; set; } = QuestionState.Sent;
    /// <summary>When the current round was sent.</summary>
    public DateTimeOffset SentAt { get; set; }
    /// <summary>The number of the current round: incremented when the question is re-routed to another organisation.</summary>
    public int Round { get; set; } = 1;
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
    /// <summary>Every round, loaded with the question.</summary>
    public List<QuestionRound> Rounds { get; set; } = [];

    /// <summary>The round of the organisation the question is addressed to now.</summary>
    public QuestionRound Current => Rounds.Single(r => r.Number == Round);

    public string Reference => ReferenceOf(Id);

    public static string ReferenceOf(Guid id) => "S-" + id.ToString("N")[..8].ToUpperInvariant();

    /// <summary>The partner still owes an answer: reminders apply.</summary>
    public bool AwaitsPartner => State is QuestionState.Sent or QuestionState.Taken;

    public static PartnerQuestion Send(DateTimeOffset now, FrenchBusinessCalendar calendar, Guid caseId, string caseReference, Guid siteId, Guid askedBy,
        Guid organisationId, string territory, string domain, string domainLabel, string sharedFields, string? sharedDataProtected)
    {
        var question = new PartnerQuestion
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
            SharedFields = sharedFields,
            SharedDataProtected = sharedDataProtected,
        };
        question.Rounds.Add(QuestionRound.Start(calendar, question.Id, 1, organisationId, now));
        return question;
    }

    public string? Take(Taker taker, DateTimeOffset now)
    {
        if (State is not (QuestionState.Sent or QuestionState.Taken))
        {
            return State == QuestionState.Closed ? "La sollicitation est close." : "La sollicitation n'attend plus d'être prise en charge.";
        }
        if (Current.TakenBy == taker)
        {
            return "Vous vous occupez déjà de cette sollicitation.";
        }
        Current.Take(taker, now);
        State = QuestionState.Taken;
        return null;
    }

    public string? Answer(Taker taker, DateTimeOffset now)
    {
        var refusal = PartnerMayReply();
        if (refusal != null)
        {
            return refusal;
        }
        Current.Reply(taker, now);
        Current.End(RoundOutcome.Answered, now);
        State = QuestionState.Answered;
        return null;
    }

    /// <summary>The partner asks the agent for information: the round's clock stops until the agent answers.</summary>
    public string? AskMoreInformation(Taker taker, DateTimeOffset now)
    {
        var refusal = PartnerMayReply();
        if (refusal != null)
        {
            return refusal;
        }
        Current.Reply(taker, now);
        Current.Pause(now);
        State = QuestionState.MoreInfoNeeded;
        return null;
    }

    /// <summary>« Pas de notre ressort »: the round ends (late if after its due time); the question waits to be re-routed.</summary>
    public string? DeclareNotRightPartner(Taker taker, DateTimeOffset now)
    {
        if (State is not (QuestionState.Sent or QuestionState.Taken))
        {
            return State == QuestionState.Closed ? "La sollicitation est close." : "Seule une sollicitation en attente de réponse peut être déclarée hors de votre champ.";
        }
        Current.Reply(taker, now);
        Current.End(RoundOutcome.NotRightPartner, now);
        State = QuestionState.NotRightPartner;
        return null;
    }

    /// <summary>The agent gives the information asked: the question waits for the partner again, with the time it had left.</summary>
    public string? ReplyWithInformation(FrenchBusinessCalendar calendar, DateTimeOffset now)
    {
        if (State != QuestionState.MoreInfoNeeded)
        {
            return "Le partenaire n'attend pas d'information complémentaire.";
        }
        Current.Resume(calendar, now);
        State = Current.TakenBy == null ? QuestionState.Sent : QuestionState.Taken;
        return null;
    }

    /// <summary>Sends the question to another organisation: the current round ends, a new one starts with a new 48-hour deadline.</summary>
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
        if (Current.IsOpen)
        {
            Current.End(RoundOutcome.Rerouted, now);
        }
        OrganisationId = organisationId;
        Round++;
        SentAt = now;
        Rounds.Add(QuestionRound.Start(calendar, Id, Round, organisationId, now));
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
        if (Current.IsOpen)
        {
            Current.End(RoundOutcome.Withdrawn, now);
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
