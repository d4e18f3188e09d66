using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.Desk.Procedures;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Notifications;
using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteBlanche.Desk.Pages.Demandes;

public sealed record TimelineItem(DateTimeOffset At, string Actor, string Text);

/// <summary>
/// A case and everything the guarantor does with it. Every form carries the case's version: if another
/// agent saved the case meanwhile, the action is refused with a clear message and nothing is overwritten.
/// </summary>
[Authorize(Policy = Policies.Desk)]
public sealed class FicheModel(
    CarteBlancheDbContext db,
    DeskAccess access,
    IAuditLog auditLog,
    Outbox outbox,
    FrenchBusinessCalendar calendar,
    TimeProvider timeProvider,
    Microsoft.Extensions.Options.IOptions<Platform.Web.AppOptions> appOptions,
    IEnumerable<Contracts.ICaseSectionSource> sectionSources) : PageModel
{
    public const int OnBehalfActionMaxLength = 500;

    [BindProperty] public Guid Version { get; set; }

    public Case Case { get; private set; } = default!;
    /// <summary>Null once the retention job wiped the case's personal data.</summary>
    public Resident? Resident { get; private set; }
    public string SiteName { get; private set; } = "";
    public string PlaceName { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public IReadOnlyList<(Need Need, Procedure? Procedure)> Needs { get; private set; } = [];
    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> SiteAgents { get; private set; } = [];
    /// <summary>Agents and social workers of other sites, with whom the case can be shared.</summary>
    public IReadOnlyList<(Guid Id, string Name)> OtherDeskUsers { get; private set; } = [];
    /// <summary>Who to share the case with, typed by the agent (name or e-mail): the page lists the matching people of other sites, never all of them.</summary>
    [BindProperty(SupportsGet = true, Name = "partage")] public string? ShareSearch { get; set; }
    public const int ShareSearchResults = 20;
    public IReadOnlyList<string> SharedWith { get; private set; } = [];
    public bool IsSiteMember { get; private set; }
    /// <summary>The resident's active mandates this agent may act under (given by name or to the agent's site).</summary>
    public IReadOnlyList<Mandate> UsableMandates { get; private set; } = [];
    public MandateDomain? OnBehalfDomain { get; private set; }
    public string? OnBehalfAction { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>Sections other modules add to the case (questions to partners...).</summary>
    public IReadOnlyList<Contracts.CaseSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        await auditLog.RecordAsync(new AuditEvent("case.read", "Case", id.ToString("D"), AuditPurpose.CaseFollowUp), cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, c => c.Start(), "Demande prise en charge", AuditPurpose.CaseStart, ct);

    public Task<IActionResult> OnPostWaitForPartnerAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, c => c.WaitForPartner(), "En attente d'un partenaire", AuditPurpose.CaseWaitForPartner, ct);

    public Task<IActionResult> OnPostAnswerReadyAsync(Guid id, ResolutionPath path, CancellationToken ct) =>
        ActAsync(id, c => c.MarkAnswerReady(path), $"Réponse prête — {Labels.Of(path).ToLowerInvariant()}", AuditPurpose.CaseAnswerReady, ct);

    public Task<IActionResult> OnPostReferAsync(Guid id, string? service, DateOnly? referredOn, CancellationToken ct) =>
        ActAsync(id, c => c.Refer(service ?? "", referredOn ?? Today), $"Orientation vers : {service?.Trim()}", AuditPurpose.CaseReferral, ct);

    public Task<IActionResult> OnPostReferralOutcomeAsync(Guid id, string? outcome, CancellationToken ct) =>
        ActAsync(id, c => c.RecordReferralOutcome(outcome ?? ""), $"Issue de l'orientation : {outcome?.Trim()}", AuditPurpose.CaseReferralOutcome, ct);

    /// <summary>Closes the case; on request, the resident receives the one-question satisfaction survey (personal link).</summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid id, CaseOutcome outcome, string? reason, bool sendSurvey, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied != null)
        {
            return denied;
        }
        if (!Platform.Web.Confirmation.IsConfirmed(Request))
        {
            return Platform.Web.Confirmation.Ask(this, $"Clore la demande {Case.Reference} ?", "Oui, clore la demande",
                $"Issue : {Labels.Of(outcome).ToLowerInvariant()}. Une demande close ne se rouvre pas.", $"/demandes/{id}");
        }
        var text = $"Demande close : {Labels.Of(outcome).ToLowerInvariant()}{(string.IsNullOrWhiteSpace(reason) ? "" : " — " + reason.Trim())}";
        if (sendSurvey && Case.State != CaseState.Closed && Resident != null)
        {
            var (survey, token) = Desk.Satisfaction.SatisfactionSurvey.Create(Case, timeProvider.GetUtcNow());
            var link = $"{appOptions.Value.BaseUrlFor(Request)}/satisfaction/{token}";
            if (!string.IsNullOrWhiteSpace(Resident.Email))
            {
                db.Add(survey);
                outbox.QueueEmail(Resident.Email, "Votre avis sur notre accueil", Templates.SurveyEmail(Resident, SiteName, link));
                text += " ; questionnaire de satisfaction envoyé par e-mail";
            }
            else if (!string.IsNullOrWhiteSpace(Resident.Phone))
            {
                db.Add(survey);
                outbox.QueueSms(Resident.Phone, Templates.SurveySms(SiteName, link));
                text += " ; questionnaire de satisfaction envoyé par SMS";
            }
        }
        return await ActAsync(id, c => c.Close(outcome, reason, timeProvider.GetUtcNow()), text, AuditPurpose.CaseClosed, ct, alreadyLoaded: true);
    }

    public async Task<IActionResult> OnPostHandOverAsync(Guid id, Guid? newOwnerId, string? note, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied != null)
        {
            return denied;
        }
        if (newOwnerId == null || !SiteAgents.Any(a => a.Id == newOwnerId))
        {
            return Refuse("Choisissez un agent de votre lieu d'accueil.");
        }
        if (DeskLimits.CheckLength(note, DeskLimits.ShortText, "La note de transmission") is { } tooLong)
        {
            return Refuse(tooLong);
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            return Refuse("Ajoutez une note de transmission pour votre collègue.");
        }
        var name = SiteAgents.Single(a => a.Id == newOwnerId).Name;
        return await ActAsync(id, c => c.HandOver(newOwnerId.Value), $"Demande transmise à {name} : {note.Trim()}", AuditPurpose.CaseHandOver, ct);
    }

    /// <summary>Shares the case with an agent or social worker of another site, who then sees and follows it.</summary>
    public async Task<IActionResult> OnPostShareAsync(Guid id, Guid? accountId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied != null)
        {
            return denied;
        }
        if (!IsSiteMember)
        {
            return Refuse("Seuls les agents du lieu de la demande peuvent la partager.");
        }
        var target = accountId == null ? default : (await OtherDeskUsersAsync(Case.SiteId, null, accountId, ct)).FirstOrDefault();
        if (target.Id == Guid.Empty)
        {
            return Refuse("Choisissez la personne avec qui partager la demande.");
        }
        if (!await db.Set<CaseShare>().AnyAsync(s => s.CaseId == id && s.AccountId == target.Id, ct))
        {
            db.Add(new CaseShare { CaseId = id, AccountId = target.Id, SharedBy = DeskAccess.ActorOf(User), SharedAt = timeProvider.GetUtcNow() });
        }
        return await ActAsync(id, _ => null, $"Demande partagée avec {target.Name}", AuditPurpose.CaseShareOtherSite, ct, alreadyLoaded: true, auditAction: "case.share");
    }

    /// <summary>Gives the answer back; by e-mail or SMS the message goes through the outbox and stays in the contact history.</summary>
    public async Task<IActionResult> OnPostReturnAnswerAsync(Guid id, ContactChannel channel, string? message, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied != null)
        {
            return denied;
        }
        if (Resident == null)
        {
            return Refuse("Les données personnelles de cette demande ont été effacées : la réponse ne peut plus être rendue.");
        }
        if (string.IsNullOrWhiteSpace(message))
        {
            return Refuse("Écrivez la réponse donnée à l'usager (elle est gardée dans l'historique des contacts).");
        }
        if (DeskLimits.CheckLength(message, DeskLimits.Text, "La réponse") is { } tooLong)
        {
            return Refuse(tooLong);
        }
        if (channel == ContactChannel.Email && string.IsNullOrWhiteSpace(Resident.Email))
        {
            return Refuse("L'usager n'a pas d'adresse e-mail : choisissez un autre canal.");
        }
        if (channel == ContactChannel.Sms && string.IsNullOrWhiteSpace(Resident.Phone))
        {
            return Refuse("L'usager n'a pas de numéro de téléphone : choisissez un autre canal.");
        }
        var now = timeProvider.GetUtcNow();
        Guid? messageId = null;
        if (channel == ContactChannel.Email)
        {
            messageId = outbox.QueueEmail(Resident.Email!, $"Réponse à votre demande {Case.Reference}", Templates.AnswerEmail(Resident, Case, message.Trim(), SiteName, OwnerName)).Id;
        }
        else if (channel == ContactChannel.Sms)
        {
            messageId = outbox.QueueSms(Resident.Phone!, Templates.AnswerSms(Case, message.Trim(), SiteName)).Id;
        }
        db.Add(new ContactRecord { ResidentId = Resident.Id, CaseId = Case.Id, At = now, Channel = channel, Summary = message.Trim(), AgentId = DeskAccess.ActorOf(User), OutboxMessageId = messageId });
        return await ActAsync(id, c => c.ReturnAnswer(channel, now), $"Réponse rendue ({Labels.Of(channel).ToLowerInvariant()})", AuditPurpose.CaseAnswerReturned, ct, alreadyLoaded: true);
    }

    /// <summary>
    /// Records a procedure done on the resident's behalf: only under an active mandate of the resident that covers the
    /// domain and is given to this agent or the agent's site. Each use goes to the case's timeline and the audit log.
    /// </summary>
    public async Task<IActionResult> OnPostActOnBehalfAsync(Guid id, MandateDomain? mandateDomain, string? onBehalfAction, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied != null)
        {
            return denied;
        }
        // The case itself does not change: the forms shown again carry its current version.
        Version = Case.Version;
        (OnBehalfDomain, OnBehalfAction) = (mandateDomain, onBehalfAction);
        if (!Case.IsOpen)
        {
            return Refuse("La demande est close : on n'y enregistre plus de démarche faite pour le compte de l'usager.");
        }
        if (mandateDomain == null && ModelState.GetFieldValidationState(nameof(mandateDomain)) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(mandateDomain), "Choisissez le domaine de la démarche faite pour le compte de l'usager.");
        }
        if (string.IsNullOrWhiteSpace(onBehalfAction))
        {
            ModelState.AddModelError(nameof(onBehalfAction), "Décrivez en quelques mots ce que vous avez fait pour le compte de l'usager.");
        }
        else if (onBehalfAction.Trim().Length > OnBehalfActionMaxLength)
        {
            ModelState.AddModelError(nameof(onBehalfAction), $"La description dépasse {OnBehalfActionMaxLength} caractères : résumez ce que vous avez fait.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var domain = mandateDomain!.Value;
        var mandates = await db.Set<Mandate>().AsNoTracking().Where(m => m.ResidentId == Case.ResidentId).ToListAsync(ct);
        var now = timeProvider.GetUtcNow();
        var decision = MandateRules.Authorise(mandates, domain, DeskAccess.ActorOf(User), DeskAccess.SiteOf(User), DateOnly.FromDateTime(calendar.ToLocalTime(now)));
        if (!decision.IsAllowed)
        {
            await auditLog.RecordAsync(new AuditEvent("mandate.use-denied", "Case", id.ToString("D"), MandateRules.AuditPurposeOf(domain)), ct);
            ModelState.AddModelError(nameof(mandateDomain), decision.Refusal!);
            return Page();
        }
        var mandate = decision.Mandate!;
        db.Add(new CaseEvent
        {
            CaseId = Case.Id,
            At = now,
            ActorId = DeskAccess.ActorOf(User),
            Text = $"Pour le compte de l'usager ({Labels.Of(domain)}, mandat {mandate.Reference}) : {onBehalfAction!.Trim()}",
        });
        auditLog.Add(db, new AuditEvent(MandateRules.UseAuditAction, "Mandate", mandate.Id.ToString("D"), MandateRules.AuditPurposeOf(domain)));
        await db.SaveChangesAsync(ct);
        TempData["Succes"] = $"Démarche faite pour le compte de l'usager enregistrée (mandat {mandate.Reference}).";
        return Redirect($"/demandes/{id}");
    }

    /// <summary>
    /// Applies an action, writes its timeline line and journals it (by its purpose code: the timeline text, which may carry what
    /// the agent typed — a referral, a hand-over note —, never reaches the journal) in the same save.
    /// </summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Case, string?> action, string eventText, AuditPurpose purpose, CancellationToken cancellationToken, bool alreadyLoaded = false, string auditAction = "case.update")
    {
        if (!alreadyLoaded)
        {
            var denied = await LoadAsync(id, cancellationToken);
            if (denied != null)
            {
                return denied;
            }
        }
        if (Version != Case.Version)
        {
            return Refuse("Cette demande a été modifiée entre-temps par un autre agent. Relisez-la (elle vient d'être rechargée), puis recommencez.", stale: true);
        }
        var error = action(Case);
        if (error != null)
        {
            return Refuse(error);
        }
        Case.Version = Guid.NewGuid();
        // The timeline line holds 2,000 characters; a line built from a text at its own limit is cut, not refused.
        db.Add(new CaseEvent { CaseId = Case.Id, At = timeProvider.GetUtcNow(), ActorId = DeskAccess.ActorOf(User), Text = Platform.Web.FrenchFormat.Cut(eventText, DeskLimits.Text) });
        auditLog.Add(db, new AuditEvent(auditAction, "Case", id.ToString("D"), purpose));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Refuse("Cette demande a été modifiée entre-temps par un autre agent. Relisez-la, puis recommencez.", stale: true);
        }
        TempData["Succes"] = eventText.Split(':')[0].TrimEnd() + ".";
        return Redirect($"/demandes/{id}");
    }

    private PageResult Refuse(string message, bool stale = false)
    {
        ModelState.Clear();
        ModelState.AddModelError("", message);
        if (stale)
        {
            Version = Case.Version;
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var @case = await db.Set<Case>().Include(c => c.Needs).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case == null)
        {
            return NotFound();
        }
        var me = DeskAccess.ActorOf(User);
        IsSiteMember = DeskAccess.CanSee(User, @case.SiteId);
        var sharedWithMe = DeskAccess.IsDeskUser(User) && await db.Set<CaseShare>().AnyAsync(s => s.CaseId == id && s.AccountId == me, cancellationToken);
        if (!IsSiteMember && !sharedWithMe)
        {
            await access.RecordRefusalAsync("Case", id, cancellationToken);
            return Forbid();
        }
        Case = @case;
        if (Request.Method == "GET")
        {
            Version = @case.Version;
        }
        Today = ParisClock.DayOf(timeProvider.GetUtcNow());
        Resident = @case.ResidentId == null ? null : await db.Set<Resident>().SingleAsync(r => r.Id == @case.ResidentId, cancellationToken);
        SiteName = await db.Places.Where(p => p.Id == @case.SiteId).Select(p => p.Name).SingleAsync(cancellationToken);
        PlaceName = await db.Places.Where(p => p.Id == @case.PlaceId).Select(p => p.Name).SingleAsync(cancellationToken);
        OwnerName = await db.Users.Where(u => u.Id == @case.OwnerId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var procedureIds = @case.Needs.Where(n => n.ProcedureId != null).Select(n => n.ProcedureId!.Value).ToList();
        var procedures = await db.Set<Procedure>().Where(p => procedureIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        Needs = @case.Needs.Select(n => (n, n.ProcedureId is { } pid ? procedures.GetValueOrDefault(pid) : null)).ToList();
        // A partner's tool (API key) is not an account: its lines stay, named as such.
        Timeline = await (from e in db.Set<CaseEvent>()
                          join u in db.Users on e.ActorId equals u.Id into actors
                          from u in actors.DefaultIfEmpty()
                          where e.CaseId == id
                          orderby e.At descending
                          select new TimelineItem(e.At, u == null ? "Outil du partenaire (API)" : u.DisplayName, e.Text)).ToListAsync(cancellationToken);
        SiteAgents = (await db.Users.Where(u => u.SiteId == @case.SiteId && u.IsActive).OrderBy(u => u.SearchName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName)).ToList();
        OtherDeskUsers = string.IsNullOrWhiteSpace(ShareSearch) ? [] : await OtherDeskUsersAsync(@case.SiteId, ShareSearch, null, cancellationToken);
        SharedWith = await (from s in db.Set<CaseShare>() join u in db.Users on s.AccountId equals u.Id where s.CaseId == id select u.DisplayName).ToListAsync(cancellationToken);
        var today = Today;
        var (agentId, agentSiteId) = (DeskAccess.ActorOf(User), DeskAccess.SiteOf(User));
        UsableMandates = (await db.Set<Mandate>().AsNoTracking().Where(m => m.ResidentId == @case.ResidentId && m.RevokedAt == null && m.EndsOn >= today)
                .ToListAsync(cancellationToken))
            .Where(m => m.IsActiveOn(today) && m.IsGrantedTo(agentId, agentSiteId)).OrderBy(m => m.EndsOn).ToList();
        var sections = new List<Contracts.CaseSection>();
        foreach (var source in sectionSources)
        {
            sections.Add(await source.ForCaseAsync(id, @case.IsOpen, cancellationToken));
        }
        Sections = sections;
        return null;
    }

    /// <summary>Active agents and social workers of other sites: the one with this id, or those whose name or e-mail contains the search (at most <see cref="ShareSearchResults"/>).</summary>
    private async Task<IReadOnlyList<(Guid Id, string Name)>> OtherDeskUsersAsync(Guid siteId, string? search, Guid? id, CancellationToken cancellationToken)
    {
        var query = db.ActiveInRoles(Roles.Agent, Roles.SocialWorker).Where(u => u.SiteId != siteId);
        if (id != null)
        {
            query = query.Where(u => u.Id == id);
        }
        else
        {
            var name = SearchText.Fold(search!.Trim());
            var email = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.SearchName.Contains(name) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(email)));
        }
        return (await query.OrderBy(u => u.SearchName).Take(ShareSearchResults).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();
    }

}
