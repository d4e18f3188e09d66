using Microsoft.AspNetCore.Http;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Consents;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Pages.MesConsentements;

public sealed record ConsentView(Consent Consent, ConsentStatus Status, string Convention, string Operators, string Data);

/// <summary>
/// The resident's own page, through the personal link an agent gave them: their consents, and withdrawing any of them
/// at once. No account: the link is the key (only its hash is stored). Every view and withdrawal is journaled.
/// </summary>
[Public("Un usager voit et retire ses consentements avec son lien personnel, sans compte.")]
public sealed class IndexModel(CarteBlancheDbContext db, ConsentRegistry registry, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public bool Known { get; private set; }
    public IReadOnlyList<ConsentView> Consents { get; private set; } = [];

    [BindProperty] public Guid ConsentId { get; set; }

    public async Task OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await registry.ResidentOfLinkAsync(token, cancellationToken) is not { } residentId)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await LoadAsync(residentId, cancellationToken);
        await auditLog.RecordAsync(new AuditEvent("consent.read-by-resident", "Resident", residentId.ToString("D"), AuditPurpose.ConsentsByPersonalLink), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await registry.ResidentOfLinkAsync(token, cancellationToken) is not { } residentId)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var consent = await db.Set<Consent>().SingleOrDefaultAsync(c => c.Id == ConsentId && c.ResidentId == residentId, cancellationToken);
        if (consent == null)
        {
            return NotFound();
        }
        if (consent.WithdrawnAt == null && !Confirmation.IsConfirmed(Request))
        {
            return Confirmation.Ask(this, $"Retirer votre consentement {consent.Reference} ?", "Oui, retirer mon consentement",
                "Les organismes ne partageront plus vos données pour cela, dès maintenant. Vous pourrez donner un nouveau consentement au guichet.",
                ConsentPaths.PersonalLink(token));
        }
        var withdrawn = await registry.WithdrawAsync(consent, WithdrawalChannel.PersonalLink, null, cancellationToken);
        TempData["Succes"] = withdrawn ? $"Votre consentement {consent.Reference} est retiré." : "Ce consentement était déjà retiré.";
        return Redirect(ConsentPaths.PersonalLink(token));
    }

    private async Task LoadAsync(Guid residentId, CancellationToken cancellationToken)
    {
        Known = true;
        var consents = await db.Set<Consent>().AsNoTracking().Where(c => c.ResidentId == residentId).OrderByDescending(c => c.RecordedAt).ToListAsync(cancellationToken);
        var conventionIds = consents.Select(c => c.ConventionId).Distinct().ToList();
        var conventions = await db.Set<Convention>().AsNoTracking().Where(c => conventionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var operatorIds = consents.SelectMany(c => c.OperatorIds).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => operatorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var today = clock.Today;
        Consents = consents.Select(c =>
        {
            var convention = conventions[c.ConventionId];
            return new ConsentView(c, c.StatusOn(today), convention.Title,
                string.Join(", ", c.OperatorIds.Select(o => names.GetValueOrDefault(o, "?"))),
                string.Join(" ; ", c.AttributeCodes.Select(code => convention.Attributes.FirstOrDefault(a => a.Code == code)?.Label ?? code)));
        }).ToList();
    }
}
