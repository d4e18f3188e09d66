using CarteBlanche.Desk.Contracts;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Consents;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Pages.Droits.Consentements;

/// <summary>
/// A consent, for the desk agents who may open the resident's file: its scope and status; withdrawing it at the
/// resident's request; the resident's personal link (shown once). Every view is journaled.
/// </summary>
[Authorize(Policy = Policies.Desk)]
public sealed class FicheModel(CarteBlancheDbContext db, IDeskResidents residents, ConsentRegistry registry, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public Consent Consent { get; private set; } = default!;
    public ConsentStatus Status { get; private set; }
    public DeskResidentCard Resident { get; private set; } = default!;
    public string ConventionTitle { get; private set; } = "";
    public IReadOnlyList<string> Operators { get; private set; } = [];
    public IReadOnlyList<string> Data { get; private set; } = [];
    public string RecordedBy { get; private set; } = "";
    /// <summary>The personal link just created: shown once, never stored in clear.</summary>
    public string? PersonalLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        await auditLog.RecordAsync(new AuditEvent("consent.read", "Resident", Resident.Id.ToString("D"), AuditPurpose.ResidentConsent), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        if (Consent.WithdrawnAt != null)
        {
            TempData["Erreur"] = "Ce consentement était déjà retiré.";
            return Redirect(ConsentPaths.Consent(id));
        }
        if (!Confirmation.IsConfirmed(Request))
        {
            return Confirmation.Ask(this, $"Retirer le consentement {Consent.Reference} de {Resident.FullName} ?", "Oui, retirer le consentement",
                "Le retrait vaut immédiatement : ses données ne servent plus à aucune campagne ni à préremplir ses démarches.", ConsentPaths.Consent(id));
        }
        var tracked = await db.Set<Consent>().SingleAsync(c => c.Id == id, cancellationToken);
        await registry.WithdrawAsync(tracked, WithdrawalChannel.Desk, User.AccountId(), cancellationToken);
        TempData["Succes"] = $"Consentement {Consent.Reference} retiré.";
        return Redirect(ConsentPaths.Consent(id));
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        var token = await registry.NewPersonalLinkAsync(Resident.Id, User.AccountId(), cancellationToken);
        PersonalLink = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{ConsentPaths.PersonalLink(token)}";
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var consent = await db.Set<Consent>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consent == null)
        {
            return NotFound();
        }
        var resident = await residents.FindVisibleAsync(User, consent.ResidentId, cancellationToken);
        if (resident == null)
        {
            return Forbid();
        }
        Consent = consent;
        Resident = resident;
        Status = consent.StatusOn(clock.Today);
        var convention = await db.Set<Convention>().AsNoTracking().SingleAsync(c => c.Id == consent.ConventionId, cancellationToken);
        ConventionTitle = convention.Title;
        var names = await db.Organisations.AsNoTracking().Where(o => consent.OperatorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        Operators = consent.OperatorIds.Select(o => names.GetValueOrDefault(o, "?")).ToList();
        Data = consent.AttributeCodes.Select(code => convention.Attributes.FirstOrDefault(a => a.Code == code)?.Label ?? code).ToList();
        RecordedBy = await db.Users.Where(u => u.Id == consent.RecordedBy).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        return null;
    }
}
