using CarteBlanche.Desk.Contracts;
using CarteBlanche.Network.Notifications;
using CarteBlanche.Network.Partners;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Network.Questions;

/// <summary>The outcome of an action: an error (and the field it is about), or the question acted on.</summary>
public sealed record WorkflowResult(string? Error, string? Field = null, PartnerQuestion? Question = null)
{
    public bool Succeeded => Error == null;
    public static WorkflowResult Fail(string error, string? field = null) => new(error, field);
}

/// <summary>A question to a partner about the needs <see cref="NeedIds"/> of a case (at least one, picked by the agent).</summary>
public sealed record AskRequest(Guid CaseId, IReadOnlyCollection<Guid> NeedIds, Guid? OrganisationId, string? Text, IReadOnlyCollection<ShareableField> Shared, IReadOnlyList<IncomingFile> Files);

/// <summary>
/// Everything that happens to a question, for the pages and the API alike. Each action checks the question's state
/// and version, writes the thread, tells the case, queues the notifications and saves all of it at once; then it
/// journals. The caller has decided who may act (<see cref="NetworkAccess"/>).
/// </summary>
public sealed class QuestionWorkflow(
    CarteBlancheDbContext db,
    IDeskCases deskCases,
    NetworkNotifier notifier,
    QuestionProtection protection,
    IAuditLog auditLog,
    FrenchBusinessCalendar calendar,
    TimeProvider timeProvider,
    IOptions<NetworkOptions> options)
{
    public const string StaleMessage = "Cette sollicitation a été modifiée entre-temps. Relisez-la (elle vient d'être rechargée), puis recommencez.";
    public const string CaseStaleMessage = "La demande a été modifiée entre-temps : la sollicitation n'a pas été envoyée. Relisez la demande, puis recommencez.";

    public async Task<WorkflowResult> AskAsync(AskRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var @case = await deskCases.FindAsync(request.CaseId, cancellationToken);
        if (@case == null)
        {
            return WorkflowResult.Fail("Cette demande n'existe pas.");
        }
        if (!@case.IsOpen)
        {
            return WorkflowResult.Fail("La demande est close : on ne sollicite plus de partenaire pour elle.");
        }
        if (@case.Resident == null)
        {
            return WorkflowResult.Fail("Les données personnelles de cette demande ont été effacées : elle ne peut plus être partagée.");
        }
        // The question's domain is that of the needs the agent picked, never whichever need comes first.
        var needs = @case.Needs.Where(n => request.NeedIds.Contains(n.Id)).ToList();
        if (needs.Count == 0)
        {
            return WorkflowResult.Fail("Cochez le besoin (ou les besoins) sur lequel porte la question.", nameof(AskRequest.NeedIds));
        }
        var organisation = request.OrganisationId == null ? null
            : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganisationId && o.IsActive, cancellationToken);
        if (organisation == null)
        {
            return WorkflowResult.Fail("Choisissez l'organisme partenaire à solliciter.", nameof(AskRequest.OrganisationId));
        }
        var textError = CheckText(request.Text, "Écrivez votre question au partenaire.");
        if (textError != null)
        {
            return WorkflowResult.Fail(textError, nameof(AskRequest.Text));
        }
        var notAvailable = request.Shared.Except(SharedResidentData.Available(@case.Resident)).ToList();
        if (notAvailable.Count > 0)
        {
            return WorkflowResult.Fail($"L'usager n'a pas de {SharedResidentData.Label(notAvailable[0])} à partager.", nameof(AskRequest.Shared));
        }
        var files = CheckFiles(request.Files);
        if (files.Error != null)
        {
            return WorkflowResult.Fail(files.Error, nameof(AskRequest.Files));
        }

        var now = timeProvider.GetUtcNow();
        var domainLabels = string.Join(", ", needs.Select(n => n.DomainLabel).Distinct());
        if (domainLabels.Length > 100)
        {
            domainLabels = needs[0].DomainLabel + " et autres besoins";
        }
        var shared = SharedResidentData.From(@case.Resident, request.Shared);
        var question = PartnerQuestion.Send(now, calendar, @case.Id, @case.Reference, @case.SiteId, actor.Id, organisation.Id,
            TerritoryOf(@case.SiteInseeCode), needs[0].Domain, domainLabels,
            SharedResidentData.Describe(request.Shared), protection.Protect(shared));
        db.Add(question);
        AddMessage(question, MessageKind.Question, actor, request.Text!, files.Accepted);
        await deskCases.StageAsync(@case.Id, actor.Id,
            $"Sollicitation {question.Reference} envoyée à {organisation.Name} (réponse attendue au plus tard le {FrenchFormat.Deadline(question.Current.DueAt)}) : {Shorten(request.Text!)}",
            PartnerStep.Asked, cancellationToken);
        await NotifyReferentsAsync(question, $"Nouvelle sollicitation {question.Reference} ({question.DomainLabel}) de {@case.SiteName}",
            $"{@case.SiteName} vous adresse une sollicitation ({question.DomainLabel}). Réponse attendue au plus tard le {FrenchFormat.Deadline(question.Current.DueAt)} (48 heures ouvrées).",
            cancellationToken);
        // What was shared, with whom and the attachments are on the question: the journal names the question and the case.
        auditLog.Add(db, new AuditEvent("question.send", "PartnerQuestion", question.Id.ToString("D"), AuditPurpose.AskPartner));
        auditLog.Add(db, new AuditEvent("case.share", "Case", @case.Id.ToString("D"), AuditPurpose.SharedWithPartner));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The case was edited at the same time (its version changed): nothing was saved (journal lines included), the agent starts again.
            db.ChangeTracker.Clear();
            return WorkflowResult.Fail(CaseStaleMessage);
        }
        return new(null, Question: question);
    }

    public Task<WorkflowResult> TakeAsync(Guid questionId, Guid? version, Actor actor, CancellationToken cancellationToken) =>
        ActAsync(questionId, version, actor, async q =>
        {
            var error = q.Take(actor.AsTaker, timeProvider.GetUtcNow());
            if (error == null)
            {
                await deskCases.StageAsync(q.CaseId, actor.Id, $"Sollicitation {q.Reference} prise en charge par {await OrganisationNameAsync(q.OrganisationId, cancellationToken)}", PartnerStep.None, cancellationToken);
            }
            return error;
        }, "question.take", cancellationToken);

    /// <summary>A partner's reply: an answer, a request for more information, "not the right partner", or an internal note.</summary>
    public Task<WorkflowResult> ReplyAsync(Guid questionId, Guid? version, Actor actor, MessageKind kind, string? text, IReadOnlyList<IncomingFile> files, CancellationToken cancellationToken) =>
        ActAsync(questionId, version, actor, async q =>
        {
            var textError = CheckText(text, kind switch
            {
                MessageKind.Answer => "Écrivez votre réponse.",
                MessageKind.MoreInfoRequest => "Précisez l'information dont vous avez besoin.",
                MessageKind.NotRightPartner => "Expliquez pourquoi la sollicitation n'est pas de votre ressort (et, si vous le savez, qui peut y répondre).",
                _ => "Écrivez la note.",
            });
            if (textError != null)
            {
                return textError;
            }
            var checkedFiles = CheckFiles(files);
            if (checkedFiles.Error != null)
            {
                return checkedFiles.Error;
            }
            var now = timeProvider.GetUtcNow();
            var error = kind switch
            {
                MessageKind.Answer => q.Answer(actor.AsTaker, now),
                MessageKind.MoreInfoRequest => q.AskMoreInformation(actor.AsTaker, now),
                MessageKind.NotRightPartner => q.DeclareNotRightPartner(actor.AsTaker, now),
                MessageKind.InternalNote => q.State == QuestionState.Closed ? "La sollicitation est close." : null,
                _ => "Action inconnue.",
            };
            if (error != null)
            {
                return error;
            }
            AddMessage(q, kind, actor, text!, checkedFiles.Accepted);
            if (kind == MessageKind.InternalNote)
            {
                return null;
            }
            var organisation = await OrganisationNameAsync(q.OrganisationId, cancellationToken);
            var (timeline, subject) = kind switch
            {
                MessageKind.Answer => ($"Réponse de {organisation} à la sollicitation {q.Reference} : {Shorten(text!)}", $"Réponse de {organisation} à la sollicitation {q.Reference}"),
                MessageKind.MoreInfoRequest => ($"{organisation} demande une information pour la sollicitation {q.Reference} : {Shorten(text!)}", $"{organisation} vous demande une information (sollicitation {q.Reference})"),
                _ => ($"{organisation} indique que la sollicitation {q.Reference} n'est pas de son ressort : {Shorten(text!)}", $"Sollicitation {q.Reference} à réorienter"),
            };
            await deskCases.StageAsync(q.CaseId, actor.Id, timeline, kind == MessageKind.Answer ? PartnerStep.PartnerAnswered : PartnerStep.None, cancellationToken);
            await notifier.NotifyAsync([q.AskedBy], [], subject, $"{subject} (demande {q.CaseReference}).", notifier.LinkTo(QuestionPath(q.Id)), cancellationToken);
            return null;
        }, kind switch
        {
            MessageKind.Answer => "question.answer",
            MessageKind.MoreInfoRequest => "question.more-info",
            MessageKind.NotRightPartner => "question.not-right-partner",
            _ => "question.note",
        }, cancellationToken);

    /// <summary>The agent gives the information the partner asked for, or adds a message to the thread.</summary>
    public Task<WorkflowResult> AgentReplyAsync(Guid questionId, Guid? version, Actor actor, string? text, IReadOnlyList<IncomingFile> files, CancellationToken cancellationToken) =>
        ActAsync(questionId, version, actor, async q =>
        {
            var textError = CheckText(text, "Écrivez votre message au partenaire.");
            if (textError != null)
            {
                return textError;
            }
            if (q.State == QuestionState.Closed)
            {
                return "La sollicitation est close.";
            }
            var checkedFiles = CheckFiles(files);
            if (checkedFiles.Error != null)
            {
                return checkedFiles.Error;
            }
            if (q.State == QuestionState.MoreInfoNeeded)
            {
                q.ReplyWithInformation(calendar, timeProvider.GetUtcNow());
            }
            AddMessage(q, MessageKind.AgentReply, actor, text!, checkedFiles.Accepted);
            await deskCases.StageAsync(q.CaseId, actor.Id, $"Message au partenaire (sollicitation {q.Reference}) : {Shorten(text!)}", PartnerStep.None, cancellationToken);
            var (subject, message) = ($"Nouveau message sur la sollicitation {q.Reference}", $"L'agent a répondu sur la sollicitation {q.Reference} ({q.DomainLabel}).");
            if (q.Current.TakenByAccountId is { } referent)
            {
                await notifier.NotifyAsync([referent], [], subject, message, notifier.LinkTo(QuestionPath(q.Id)), cancellationToken);
            }
            else
            {
                // Not taken, or taken by the organisation's tool (an API key, no one to write to): its referents and shared mailbox.
                await NotifyReferentsAsync(q, subject, message, cancellationToken);
            }
            return null;
        }, "question.agent-reply", cancellationToken);

    /// <summary>A referent invites another organisation into the case: it receives its own question, with the same shared data.</summary>
    public async Task<WorkflowResult> InviteAsync(Guid questionId, Actor actor, Guid? organisationId, string? text, CancellationToken cancellationToken)
    {
        var source = await db.Set<PartnerQuestion>().SingleOrDefaultAsync(q => q.Id == questionId, cancellationToken);
        if (source == null)
        {
            return WorkflowResult.Fail("Cette sollicitation n'existe pas.");
        }
        if (source.State == QuestionState.Closed || source.SharedDataProtected == null)
        {
            return WorkflowResult.Fail("La sollicitation est close : on n'y invite plus d'organisme.");
        }
        var organisation = organisationId == null ? null : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId && o.IsActive, cancellationToken);
        if (organisation == null || organisation.Id == source.OrganisationId)
        {
            return WorkflowResult.Fail("Choisissez un autre organisme à inviter.", "OrganisationId");
        }
        if (await db.Set<PartnerQuestion>().AnyAsync(q => q.CaseId == source.CaseId && q.OrganisationId == organisation.Id && q.State != QuestionState.Closed, cancellationToken))
        {
            return WorkflowResult.Fail($"{organisation.Name} est déjà sollicité pour cette demande.", "OrganisationId");
        }
        var textError = CheckText(text, "Expliquez à l'organisme invité ce que vous attendez de lui.");
        if (textError != null)
        {
            return WorkflowResult.Fail(textError, "Text");
        }
        var now = timeProvider.GetUtcNow();
        var from = await OrganisationNameAsync(source.OrganisationId, cancellationToken);
        var invited = PartnerQuestion.Send(now, calendar, source.CaseId, source.CaseReference, source.SiteId, source.AskedBy, organisation.Id,
            source.Territory, source.Domain, source.DomainLabel, source.SharedFields, source.SharedDataProtected);
        invited.InvitedFromQuestionId = source.Id;
        db.Add(invited);
        var original = await db.Set<QuestionMessage>().Where(m => m.QuestionId == source.Id && m.Kind == MessageKind.Question).Select(m => m.Text).FirstOrDefaultAsync(cancellationToken) ?? "";
        AddMessage(invited, MessageKind.Question, new Actor(source.AskedBy, Guid.Empty), original, []);
        AddMessage(invited, MessageKind.Invitation, actor, $"Invitation de {from} : {text!.Trim()}", []);
        AddMessage(source, MessageKind.Invitation, actor, $"{organisation.Name} invité(e) : {text.Trim()}", []);
        await deskCases.StageAsync(source.CaseId, actor.Id, $"{from} invite {organisation.Name} à répondre (sollicitation {invited.Reference})", PartnerStep.None, cancellationToken);
        await NotifyReferentsAsync(invited, $"Invitation à la sollicitation {invited.Reference} ({invited.DomainLabel})",
            $"{from} vous invite à répondre à une sollicitation ({invited.DomainLabel}). Réponse attendue au plus tard le {FrenchFormat.Deadline(invited.Current.DueAt)}.", cancellationToken);
        auditLog.Add(db, new AuditEvent("question.invite", "PartnerQuestion", invited.Id.ToString("D"), AuditPurpose.SharedWithPartner));
        auditLog.Add(db, new AuditEvent("case.share", "Case", source.CaseId.ToString("D"), AuditPurpose.SharedWithPartner));
        await db.SaveChangesAsync(cancellationToken);
        return new(null, Question: invited);
    }

    /// <summary>After "not the right partner" (or at any time before an answer), the agent or a coordinator sends the question elsewhere.</summary>
    public Task<WorkflowResult> RerouteAsync(Guid questionId, Guid? version, Actor actor, Guid? organisationId, CancellationToken cancellationToken) =>
        ActAsync(questionId, version, actor, async q =>
        {
            var organisation = organisationId == null ? null : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId && o.IsActive, cancellationToken);
            if (organisation == null)
            {
                return "Choisissez l'organisme vers lequel réorienter la sollicitation.";
            }
            var previous = await OrganisationNameAsync(q.OrganisationId, cancellationToken);
            var error = q.Reroute(organisation.Id, timeProvider.GetUtcNow(), calendar);
            if (error != null)
            {
                return error;
            }
            AddMessage(q, MessageKind.Rerouted, actor, $"Réorientée de {previous} vers {organisation.Name}.", []);
            await deskCases.StageAsync(q.CaseId, actor.Id, $"Sollicitation {q.Reference} réorientée de {previous} vers {organisation.Name}", PartnerStep.None, cancellationToken);
            await NotifyReferentsAsync(q, $"Nouvelle sollicitation {q.Reference} ({q.DomainLabel})",
                $"Une sollicitation ({q.DomainLabel}) vous est réorientée. Réponse attendue au plus tard le {FrenchFormat.Deadline(q.Current.DueAt)} (48 heures ouvrées).", cancellationToken);
            // Journaled with the save: a reroute refused later (a stale version) shares nothing and leaves no line.
            auditLog.Add(db, new AuditEvent("case.share", "Case", q.CaseId.ToString("D"), AuditPurpose.SharedWithPartner));
            return null;
        }, "question.reroute", cancellationToken);

    /// <summary>The agent closes the question with its usefulness; a useful answer makes the case's answer ready.</summary>
    public Task<WorkflowResult> CloseAsync(Guid questionId, Guid? version, Actor actor, Usefulness? usefulness, CancellationToken cancellationToken) =>
        ActAsync(questionId, version, actor, async q =>
        {
            // Whether the answer was useful is asked only about an answer; before one, the question is withdrawn.
            var answered = q.State == QuestionState.Answered;
            if (answered && usefulness == null)
            {
                return "Dites si la réponse du partenaire a été utile : Oui, Je ne sais pas ou Non.";
            }
            if (!answered)
            {
                usefulness = null;
            }
            var error = q.Close(usefulness, timeProvider.GetUtcNow());
            if (error != null)
            {
                return error;
            }
            var said = usefulness switch { null => "sans réponse du partenaire", Usefulness.Yes => "réponse utile : oui", Usefulness.No => "réponse utile : non", _ => "réponse utile : je ne sais pas" };
            AddMessage(q, MessageKind.Closing, actor, $"Sollicitation close, {said}.", []);
            await deskCases.StageAsync(q.CaseId, actor.Id, $"Sollicitation {q.Reference} close, {said}",
                answered && usefulness == Usefulness.Yes ? PartnerStep.AnswerReceived : PartnerStep.None, cancellationToken);
            return null;
        }, "question.close", cancellationToken);

    private async Task<WorkflowResult> ActAsync(Guid questionId, Guid? version, Actor actor, Func<PartnerQuestion, Task<string?>> action, string auditAction, CancellationToken cancellationToken)
    {
        var question = await db.Set<PartnerQuestion>().SingleOrDefaultAsync(q => q.Id == questionId, cancellationToken);
        if (question == null)
        {
            return WorkflowResult.Fail("Cette sollicitation n'existe pas.");
        }
        if (version != null && version != question.Version)
        {
            return WorkflowResult.Fail(StaleMessage);
        }
        var error = await action(question);
        if (error != null)
        {
            db.ChangeTracker.Clear();
            return WorkflowResult.Fail(error);
        }
        question.Version = Guid.NewGuid();
        auditLog.Add(db, new AuditEvent(auditAction, "PartnerQuestion", question.Id.ToString("D"), actor.ApiKeyName == null ? null : AuditPurpose.PartnerApi,
            ActorId: actor.ApiKeyName == null ? null : actor.Id, ActorOrganisationId: actor.OrganisationId == Guid.Empty ? null : actor.OrganisationId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WorkflowResult.Fail(StaleMessage);
        }
        return new(null, Question: question);
    }

    public static string QuestionPath(Guid questionId) => $"/reseau/sollicitations/{questionId:D}";

    /// <summary>The referents to notify: those named for the question's territory (or the leads), else any named referent, else every referent account of the organisation.</summary>
    public async Task<IReadOnlyCollection<Guid>> ReferentAccountsAsync(PartnerQuestion question, bool leadsOnly, CancellationToken cancellationToken)
    {
        var named = await db.Set<Referent>().Where(r => r.OrganisationId == question.OrganisationId)
            .Select(r => new { r.AccountId, r.Territory, r.IsLead }).ToListAsync(cancellationToken);
        var territory = named.Where(r => r.Territory == question.Territory).ToList();
        var pool = territory.Count > 0 ? territory : named;
        if (leadsOnly)
        {
            return pool.Where(r => r.IsLead).Select(r => r.AccountId).Distinct().ToList();
        }
        if (pool.Count > 0)
        {
            return pool.Select(r => r.AccountId).Distinct().ToList();
        }
        return await db.ActiveInRoles(Roles.PartnerReferent).Where(u => u.OrganisationId == question.OrganisationId)
            .Select(u => u.Id).ToListAsync(cancellationToken);
    }

    public async Task<int> NotifyReferentsAsync(PartnerQuestion question, string subject, string text, CancellationToken cancellationToken, bool leadsOnly = false)
    {
        var referents = await ReferentAccountsAsync(question, leadsOnly, cancellationToken);
        var mailbox = leadsOnly ? null : await db.Set<PartnerProfile>().Where(p => p.OrganisationId == question.OrganisationId).Select(p => p.SharedMailbox).SingleOrDefaultAsync(cancellationToken);
        return await notifier.NotifyAsync(referents, mailbox == null ? [] : [mailbox], subject, text, notifier.LinkTo(QuestionPath(question.Id)), cancellationToken);
    }

    private (string? Error, List<(IncomingFile File, SniffedType Type)> Accepted) CheckFiles(IReadOnlyList<IncomingFile> files)
    {
        if (files.Count > NetworkLimits.AttachmentsPerMessage)
        {
            return ($"Joignez au plus {NetworkLimits.AttachmentsPerMessage} documents par message.", []);
        }
        var maxBytes = options.Value.AttachmentMaxMegabytes * 1024L * 1024L;
        var accepted = new List<(IncomingFile, SniffedType)>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Content.Length == 0)
            {
                return ($"Le document « {name} » est vide.", []);
            }
            if (file.Content.Length > maxBytes)
            {
                return ($"Le document « {name} » dépasse {options.Value.AttachmentMaxMegabytes} Mo : réduisez-le ou scannez-le en qualité moindre.", []);
            }
            var type = QuestionProtection.Sniff(file.Content.AsSpan(0, Math.Min(16, file.Content.Length)));
            if (type == null)
            {
                return ($"Le document « {name} » n'est ni un PDF ni une image (JPEG, PNG, WebP), quel que soit son nom : il n'est pas accepté.", []);
            }
            if (type.ContentType == "application/pdf" && PdfActiveContent.Find(file.Content) != null)
            {
                return ($"Le document « {name} » contient du code actif (JavaScript ou action automatique) : il n'est pas accepté. " +
                    "Imprimez-le en PDF (« Imprimer », puis « Enregistrer au format PDF ») et joignez ce nouveau fichier.", []);
            }
            accepted.Add((file, type));
        }
        return (null, accepted);
    }

    private (QuestionMessage Message, int Files) AddMessage(PartnerQuestion question, MessageKind kind, Actor actor, string text, IReadOnlyList<(IncomingFile File, SniffedType Type)> files)
    {
        var now = timeProvider.GetUtcNow();
        // The typed text is checked against the limit (CheckText); a prefixed message ("Invitation de … : ") is cut to the column.
        var message = new QuestionMessage { QuestionId = question.Id, Kind = kind, AuthorId = actor.Id, AuthorOrganisationId = actor.OrganisationId, Text = FrenchFormat.Cut(text.Trim(), NetworkLimits.TextMaxLength), At = now };
        db.Add(message);
        foreach (var (file, type) in files)
        {
            var name = Path.GetFileNameWithoutExtension(Path.GetFileName(file.FileName));
            name = (string.IsNullOrWhiteSpace(name) ? "document" : name.Length > 150 ? name[..150] : name) + type.Extension;
            db.Add(new QuestionAttachment
            {
                QuestionId = question.Id,
                MessageId = message.Id,
                FileName = name,
                ContentType = type.ContentType,
                Size = file.Content.Length,
                EncryptedContent = protection.ProtectFile(file.Content),
                UploadedAt = now,
            });
        }
        return (message, files.Count);
    }

    private static string? CheckText(string? text, string whenEmpty) =>
        string.IsNullOrWhiteSpace(text) ? whenEmpty
        : text.Trim().Length > NetworkLimits.TextMaxLength ? $"Le texte dépasse {NetworkLimits.TextMaxLength} caractères : résumez-le ou joignez un document."
        : null;

    private Task<string> OrganisationNameAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);

    private static string TerritoryOf(string inseeCode) => inseeCode.StartsWith("97", StringComparison.Ordinal) ? inseeCode[..3] : inseeCode[..2];

    private static string Shorten(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 600 ? trimmed : trimmed[..600] + "…";
    }
}
