using CarteBlanche.Network.Partners;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using Microsoft.AspNetCore.Http;

namespace CarteBlanche.Network.Pages.Reseau.Sollicitations;

public sealed record ThreadMessage(QuestionMessage Message, string Author, string? AuthorOrganisation, IReadOnlyList<QuestionAttachment> Attachments);

/// <summary>
/// One question and its thread, for the agents who follow the case and the referents of the organisation asked.
/// A partner sees only what was shared with it; internal notes stay inside the organisation that wrote them.
/// </summary>
[Authorize(Policy = Policies.Network)]
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class FicheModel(
    CarteBlancheDbContext db,
    NetworkAccess access,
    QuestionWorkflow workflow,
    QuestionProtection protection,
    IAuditLog auditLog,
    FrenchBusinessCalendar calendar,
    TimeProvider timeProvider) : PageModel
{
    [BindProperty] public Guid Version { get; set; }

    public PartnerQuestion Question { get; private set; } = default!;
    public QuestionRole Role { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public string SiteName { get; private set; } = "";
    public string AskedByName { get; private set; } = "";
    public string? TakenByName { get; private set; }
    public SharedResidentData? Shared { get; private set; }
    public IReadOnlyList<ThreadMessage> Thread { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> OtherOrganisations { get; private set; } = [];
    public TimeSpan Left { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        await auditLog.RecordAsync(new AuditEvent("question.read", "PartnerQuestion", id.ToString("D"), Role switch { QuestionRole.Partner => AuditPurpose.PartnerAnswer, QuestionRole.Coordinator => AuditPurpose.CoordinatorReroute, _ => AuditPurpose.CaseFollowUp }), cancellationToken);
        return Page();
    }

    /// <summary>Downloads an attachment (decrypted), journaled.</summary>
    public async Task<IActionResult> OnGetPieceAsync(Guid id, Guid pieceId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        var visible = Thread.SelectMany(m => m.Attachments).Any(a => a.Id == pieceId);
        var attachment = visible ? await db.Set<QuestionAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == pieceId && a.QuestionId == id, cancellationToken) : null;
        if (attachment == null)
        {
            return NotFound();
        }
        await auditLog.RecordAsync(new AuditEvent("question.attachment-read", "QuestionAttachment", attachment.Id.ToString("D"), Role switch { QuestionRole.Partner => AuditPurpose.PartnerAnswer, QuestionRole.Coordinator => AuditPurpose.CoordinatorReroute, _ => AuditPurpose.CaseFollowUp }), cancellationToken);
        // A resident's document: never kept by the browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return File(protection.UnprotectFile(attachment.EncryptedContent), attachment.ContentType, attachment.FileName);
    }

    public Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, QuestionRole.Partner, () => workflow.TakeAsync(id, Version, Actor.Of(User), ct), "Vous vous occupez de cette sollicitation.", ct);

    public async Task<IActionResult> OnPostReplyAsync(Guid id, MessageKind kind, string? text, List<IFormFile> files, CancellationToken ct)
    {
        var incoming = await IncomingFile.ReadAllAsync(files, ct);
        return await ActAsync(id, QuestionRole.Partner, () => workflow.ReplyAsync(id, Version, Actor.Of(User), kind, text, incoming, ct), kind switch
        {
            MessageKind.Answer => "Réponse envoyée à l'agent.",
            MessageKind.MoreInfoRequest => "Demande d'information envoyée à l'agent.",
            MessageKind.NotRightPartner => "L'agent est prévenu : la sollicitation va être réorientée.",
            _ => "Note interne ajoutée.",
        }, ct);
    }

    public async Task<IActionResult> OnPostAgentReplyAsync(Guid id, string? text, List<IFormFile> files, CancellationToken ct)
    {
        var incoming = await IncomingFile.ReadAllAsync(files, ct);
        return await ActAsync(id, QuestionRole.Agent, () => workflow.AgentReplyAsync(id, Version, Actor.Of(User), text, incoming, ct), "Message envoyé au partenaire.", ct);
    }

    public Task<IActionResult> OnPostRerouteAsync(Guid id, Guid? organisationId, CancellationToken ct) =>
        ActAsync(id, QuestionRole.Agent, () => workflow.RerouteAsync(id, Version, Actor.Of(User), organisationId, ct), "Sollicitation réorientée : le nouvel organisme a 48 heures ouvrées pour répondre.", ct);

    public Task<IActionResult> OnPostInviteAsync(Guid id, Guid? organisationId, string? text, CancellationToken ct) =>
        ActAsync(id, QuestionRole.Partner, () => workflow.InviteAsync(id, Actor.Of(User), organisationId, text, ct), "L'organisme invité est prévenu.", ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, Usefulness? usefulness, CancellationToken ct)
    {
        // Who may close is checked before asking to confirm: nobody is asked to confirm what they cannot do.
        if (await DeniedAsync(id, QuestionRole.Agent, ct) is { } denied)
        {
            return denied;
        }
        if (!Platform.Web.Confirmation.IsConfirmed(Request))
        {
            var withdraw = usefulness == null;
            return Platform.Web.Confirmation.Ask(this, withdraw ? "Retirer la sollicitation ?" : "Clôturer la sollicitation ?",
                withdraw ? "Oui, retirer la sollicitation" : "Oui, clôturer", "Le partenaire ne pourra plus y répondre.", $"/reseau/sollicitations/{id}");
        }
        return await ActAsync(id, QuestionRole.Agent, () => workflow.CloseAsync(id, Version, Actor.Of(User), usefulness, ct), "Sollicitation close. Merci pour votre retour.", ct);
    }

    /// <summary>The refusal (404, or 403 journaled) when the user does not have this role on the question; null when they do.</summary>
    private async Task<IActionResult?> DeniedAsync(Guid id, QuestionRole needed, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (Role != needed)
        {
            await access.RecordRefusalAsync(id, cancellationToken);
            return Forbid();
        }
        return null;
    }

    private async Task<IActionResult> ActAsync(Guid id, QuestionRole needed, Func<Task<WorkflowResult>> action, string success, CancellationToken cancellationToken)
    {
        if (await DeniedAsync(id, needed, cancellationToken) is { } denied)
        {
            return denied;
        }
        var result = await action();
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            Version = Question.Version;
            ModelState.Clear();
            ModelState.AddModelError("", result.Error!);
            return Page();
        }
        TempData["Succes"] = success;
        return Redirect(QuestionWorkflow.QuestionPath(result.Question!.Id));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var question = await db.Set<PartnerQuestion>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question == null)
        {
            return NotFound();
        }
        Role = await access.RoleAsync(User, question, cancellationToken);
        if (Role == QuestionRole.None)
        {
            await access.RecordRefusalAsync(id, cancellationToken);
            return Forbid();
        }
        Question = question;
        if (Request.Method == "GET")
        {
            Version = question.Version;
        }
        var now = timeProvider.GetUtcNow();
        // While the partner waits for the agent's information the clock is stopped: the time left is that of the request.
        Left = QuestionDeadline.Left(calendar, question.Current.DueAt, question.Current.PausedAt ?? now);
        OrganisationName = await db.Organisations.Where(o => o.Id == question.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        SiteName = await db.Places.Where(p => p.Id == question.SiteId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        AskedByName = await db.Users.Where(u => u.Id == question.AskedBy).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        TakenByName = question.Current.TakenByAccountId is { } takerId ? await db.Users.Where(u => u.Id == takerId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : question.Current.TakenByApiKeyId is { } keyId ? await db.Set<ApiKey>().Where(k => k.Id == keyId).Select(k => "l'outil de l'organisme (" + k.Name + ")").SingleOrDefaultAsync(cancellationToken)
            : null;
        Shared = protection.Unprotect(question.SharedDataProtected);
        var viewerOrganisation = NetworkAccess.OrganisationOf(User);
        var messages = await (from m in db.Set<QuestionMessage>().AsNoTracking()
                              where m.QuestionId == id
                              join u in db.Users on m.AuthorId equals u.Id into authors
                              from u in authors.DefaultIfEmpty()
                              join o in db.Organisations on m.AuthorOrganisationId equals o.Id into organisations
                              from o in organisations.DefaultIfEmpty()
                              orderby m.At
                              select new { Message = m, Author = u == null ? null : u.DisplayName, Organisation = o == null ? null : o.Name })
            .ToListAsync(cancellationToken);
        var attachments = (await db.Set<QuestionAttachment>().AsNoTracking().Where(a => a.QuestionId == id)
                .Select(a => new QuestionAttachment { Id = a.Id, MessageId = a.MessageId, QuestionId = a.QuestionId, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, EncryptedContent = Array.Empty<byte>(), UploadedAt = a.UploadedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.MessageId);
        Thread = messages
            .Where(m => !m.Message.IsInternal || (Role == QuestionRole.Partner && m.Message.AuthorOrganisationId == viewerOrganisation))
            .Select(m => new ThreadMessage(m.Message, m.Author ?? "Outil du partenaire (API)", m.Organisation, attachments[m.Message.Id].ToList()))
            .ToList();
        OtherOrganisations = (await db.Organisations.AsNoTracking().Where(o => o.IsActive && o.Id != question.OrganisationId).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ToList();
        return null;
    }
}
