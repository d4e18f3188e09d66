using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Recruitment;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs.Offres;

/// <summary>
/// A job offer: to read and print, publish or withdraw, export in France Travail's shape; its candidates and where
/// each stands (received, interview on a date, selected, refused with the reason), and the hiring of one. The
/// candidates are personal data: reading the page is journaled.
/// </summary>
[Authorize(Policy = Policies.Employers)]
public sealed class FicheModel(CarteBlancheDbContext db, EmployersAccess access, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public sealed class CandidateForm
    {
        [Required(ErrorMessage = "Prénom : indiquez le prénom du candidat.")][MaxLength(100)] public string? FirstName { get; set; }
        [Required(ErrorMessage = "Nom : indiquez le nom du candidat.")][MaxLength(100)] public string? LastName { get; set; }
        [MaxLength(254)][EmailAddress(ErrorMessage = "Courriel : une adresse comme nom@exemple.fr.")] public string? Email { get; set; }
        [MaxLength(30)][RegularExpression(@"^[0-9 +.]{4,20}$", ErrorMessage = "Téléphone : des chiffres, par exemple 06 12 34 56 78.")] public string? Phone { get; set; }
        [MaxLength(100)] public string? Source { get; set; }
    }

    public JobOffer Offer { get; private set; } = null!;
    public Firm Firm { get; private set; } = null!;
    public string CommuneName { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    [BindProperty] public CandidateForm NewCandidate { get; set; } = new();
    [BindProperty] public CandidateStatus Status { get; set; }
    /// <summary>« 2026-12-08T10:30 », as a datetime-local field sends it (read here: the app binds date-times as instants).</summary>
    [BindProperty] public string? InterviewAt { get; set; }
    [BindProperty] public string? RefusalReason { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var offer = await db.Set<JobOffer>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        var firm = offer == null ? null : await access.FindAsync(User, offer.FirmId, cancellationToken);
        if (offer == null || firm == null)
        {
            return false;
        }
        Offer = offer;
        Firm = firm;
        CanEdit = await access.CanEditAsync(User, firm.Id, cancellationToken);
        CommuneName = await db.Communes.Where(c => c.InseeCode == offer.CommuneInseeCode).Select(c => c.Name).SingleAsync(cancellationToken);
        Candidates = (await db.Set<Candidate>().AsNoTracking().Where(c => c.OfferId == id).ToListAsync(cancellationToken))
            .OrderBy(c => c.Status == CandidateStatus.Refused ? 1 : 0).ThenBy(c => c.ReceivedAt).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Candidates.Count > 0)
        {
            auditLog.Add(db, new AuditEvent("employers.offer-read", "JobOffer", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
            await db.SaveChangesAsync(cancellationToken);
        }
        return Page();
    }

    /// <summary>The offer in France Travail's shape (a JSON file): public information, no candidate.</summary>
    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var commune = await db.Communes.AsNoTracking().SingleAsync(c => c.InseeCode == Offer.CommuneInseeCode, cancellationToken);
        var json = OfferExport.ToFranceTravail(Offer, Firm, commune).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return File(System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"offre-{Offer.Reference}.json");
    }

    /// <summary>A candidate's interview for one's calendar (.ics); journaled, as the page.</summary>
    public async Task<IActionResult> OnGetIcsAsync(Guid id, Guid candidat, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Candidates.FirstOrDefault(c => c.Id == candidat) is not { InterviewAt: not null } candidate)
        {
            return NotFound();
        }
        auditLog.Add(db, new AuditEvent("employers.offer-read", "JobOffer", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        var ics = InterviewCalendar.ToIcs(candidate, Offer, Firm.Name, CommuneName, clock.Now);
        return File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"entretien-{Offer.Reference}-{candidate.InterviewDate:yyyy-MM-dd}.ics");
    }

    private async Task<IActionResult?> EditableAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return CanEdit ? null : Forbid();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Offer.Status == OfferStatus.Draft)
        {
            Offer.Status = OfferStatus.Published;
            Offer.PublishedAt = clock.Now;
            await db.SaveChangesAsync(cancellationToken);
            TempData["Succes"] = $"Offre {Offer.Reference} publiée.";
        }
        return Redirect($"/employeurs/offres/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!Confirmation.IsConfirmed(Request))
        {
            return Confirmation.Ask(this, $"Retirer l'offre {Offer.Reference} ?", "Oui, retirer l'offre", "Elle ne sera plus proposée ; ses candidatures restent.", $"/employeurs/offres/{id}");
        }
        Offer.Status = OfferStatus.Withdrawn;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Offre {Offer.Reference} retirée.";
        return Redirect($"/employeurs/offres/{id}");
    }

    public async Task<IActionResult> OnPostCandidateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        foreach (var key in new[] { nameof(Status), nameof(InterviewAt), nameof(RefusalReason) })
        {
            ModelState.Remove(key);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var candidate = new Candidate
        {
            OfferId = id, FirmId = Firm.Id, FirstName = NewCandidate.FirstName!.Trim(), LastName = NewCandidate.LastName!.Trim(),
            Email = FormText.Blank(NewCandidate.Email), Phone = FormText.Blank(NewCandidate.Phone), Source = FormText.Blank(NewCandidate.Source),
            Status = CandidateStatus.Received, ReceivedAt = clock.Now, UpdatedAt = clock.Now,
        };
        db.Add(candidate);
        auditLog.Add(db, new AuditEvent("employers.candidate-create", "Candidate", candidate.Id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Candidature de {candidate.FullName} enregistrée.";
        return Redirect($"/employeurs/offres/{id}");
    }

    /// <summary>Moves a candidate in the pipeline: an interview needs its day and hour, a refusal its reason; hiring goes through the hiring page.</summary>
    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid candidat, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        ModelState.Clear();
        var candidate = await db.Set<Candidate>().SingleOrDefaultAsync(c => c.Id == candidat && c.OfferId == id, cancellationToken);
        if (candidate == null)
        {
            return NotFound();
        }
        if (candidate.Status == CandidateStatus.Hired || Status == CandidateStatus.Hired)
        {
            ModelState.AddModelError(nameof(Status), $"{candidate.FullName} : l'embauche se fait par « Embaucher », qui ouvre la liste des formalités.");
        }
        DateTime? interviewAt = DateTime.TryParseExact((InterviewAt ?? "").Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
        if (Status == CandidateStatus.Interview && interviewAt == null)
        {
            ModelState.AddModelError(nameof(InterviewAt), $"Entretien : indiquez le jour et l'heure de l'entretien de {candidate.FullName}.");
        }
        if (Status == CandidateStatus.Refused && string.IsNullOrWhiteSpace(RefusalReason))
        {
            ModelState.AddModelError(nameof(RefusalReason), $"Motif : indiquez pourquoi la candidature de {candidate.FullName} n'est pas retenue.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        candidate.Status = Status;
        if (Status == CandidateStatus.Interview)
        {
            candidate.InterviewDate = DateOnly.FromDateTime(interviewAt!.Value);
            candidate.InterviewTime = TimeOnly.FromDateTime(interviewAt.Value);
        }
        candidate.RefusalReason = Status == CandidateStatus.Refused ? RefusalReason!.Trim() : null;
        candidate.UpdatedAt = clock.Now;
        auditLog.Add(db, new AuditEvent("employers.candidate-status", "Candidate", candidate.Id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"{candidate.FullName} : {RecruitmentLabels.Of(Status)}{(Status == CandidateStatus.Interview ? $" le {FrenchFormat.Date(DateOnly.FromDateTime(interviewAt!.Value))} à {FrenchFormat.Hour(TimeOnly.FromDateTime(interviewAt.Value))}" : "")}.";
        return Redirect($"/employeurs/offres/{id}");
    }

    public static string Interview(DateTime at) => $"{at.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"))} à {FrenchFormat.Hour(TimeOnly.FromDateTime(at))}";
}
