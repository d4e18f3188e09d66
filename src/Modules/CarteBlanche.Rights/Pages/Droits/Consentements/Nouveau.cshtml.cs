using CarteBlanche.Desk.Contracts;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights.Consents;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Pages.Droits.Consentements;

/// <summary>
/// An agent records a resident's consent, from the resident's page: under which convention in force, for which
/// operators' data, what for, how it was given, until when.
/// </summary>
[Authorize(Policy = Policies.Desk)]
public sealed class NouveauModel(CarteBlancheDbContext db, IDeskResidents residents, ConsentRegistry registry, ParisClock clock) : PageModel
{
    public DeskResidentCard Resident { get; private set; } = default!;
    public IReadOnlyList<Convention> Conventions { get; private set; } = [];
    public Convention? Convention { get; private set; }
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty(SupportsGet = true, Name = "convention")] public Guid? ConventionChoice { get; set; }
    [BindProperty] public ConsentForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid residentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(residentId, cancellationToken) is { } denied)
        {
            return denied;
        }
        var today = clock.Today;
        Form = new ConsentForm
        {
            ConventionId = Convention?.Id ?? Guid.Empty,
            OperatorIds = Convention?.Parties.Select(p => p.OrganisationId).ToList() ?? [],
            AttributeCodes = Convention?.Attributes.Select(a => a.Code).Distinct().ToList() ?? [],
            Purposes = [ConsentPurpose.NonTakeUp, ConsentPurpose.TellUsOnce],
            GivenOn = today,
            ExpiresOn = Convention == null ? null : Min(today.AddYears(1).AddDays(-1), Convention.EndsOn),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid residentId, CancellationToken cancellationToken)
    {
        ConventionChoice = Form.ConventionId;
        if (await LoadAsync(residentId, cancellationToken) is { } denied)
        {
            return denied;
        }
        var convention = Conventions.SingleOrDefault(c => c.Id == Form.ConventionId)
            ?? await db.Set<Convention>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == Form.ConventionId, cancellationToken);
        foreach (var (field, message) in ConsentRegistry.Validate(Form, convention, clock.Today))
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var consent = await registry.RecordAsync(Resident.Id, Form, User.Site()!.Value, User.AccountId(), cancellationToken);
        TempData["Succes"] = $"Consentement {consent.Reference} enregistré. Donnez à l'usager son lien personnel : il y voit ses consentements et peut les retirer à tout moment.";
        return Redirect(ConsentPaths.Consent(consent.Id));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private async Task<IActionResult?> LoadAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var resident = await residents.FindVisibleAsync(User, residentId, cancellationToken);
        if (resident == null || User.Site() == null)
        {
            return await residents.ExistsAsync(residentId, cancellationToken) ? Forbid() : NotFound();
        }
        Resident = resident;
        Conventions = await registry.ConventionsInForceAsync(cancellationToken);
        Convention = Conventions.FirstOrDefault(c => c.Id == ConventionChoice) ?? Conventions.FirstOrDefault();
        var ids = Conventions.SelectMany(c => c.Parties.Select(p => p.OrganisationId)).Distinct().ToList();
        Names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return null;
    }
}
