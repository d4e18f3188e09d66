using CarteBlanche.Platform.People;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Desk.Pages.Usagers;

/// <summary>Registers a resident at the agent's site; warns when someone with the same names and birth date is already known.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class NouveauModel(CarteBlancheDbContext db, ResidentIdentifiers identifiers, IAuditLog auditLog, ParisClock clock) : PageModel
{
    [BindProperty] public ResidentForm Input { get; set; } = new();
    [BindProperty] public bool NotADuplicate { get; set; }
    public IReadOnlyList<(Guid Id, string Name)> PossibleDuplicates { get; private set; } = [];

    /// <summary>The suggestions of the commune field: « Cahors (46000) »…</summary>
    public IReadOnlyList<CommuneChoice.Option> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Communes = await CommuneChoice.OptionsAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Communes = await CommuneChoice.OptionsAsync(db, cancellationToken);
        var siteId = DeskAccess.SiteOf(User);
        if (siteId == null)
        {
            ModelState.AddModelError("", "Votre compte n'est rattaché à aucun lieu d'accueil : demandez à l'administrateur de le faire.");
            return Page();
        }
        var today = clock.Today;
        foreach (var (field, message) in Input.Validate(today))
        {
            ModelState.AddModelError($"Input.{field}", message);
        }
        var (commune, communeError) = await CommuneChoice.ResolveAsync(db, Input.CommuneInseeCode, cancellationToken);
        if (communeError != null)
        {
            ModelState.AddModelError("Input.CommuneInseeCode", communeError);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var resident = new Resident
        {
            FirstName = Input.FirstName!.Trim(),
            LastName = Input.LastName!.Trim(),
            BirthName = string.IsNullOrWhiteSpace(Input.BirthName) ? null : Input.BirthName.Trim(),
            BirthDate = Input.ParsedBirthDate,
            Phone = ResidentForm.NormalisePhone(Input.Phone),
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            PostalAddress = string.IsNullOrWhiteSpace(Input.PostalAddress) ? null : Input.PostalAddress.Trim(),
            PreferredChannel = Input.PreferredChannel,
            CommuneInseeCode = string.IsNullOrEmpty(commune) ? null : commune,
            NirEncrypted = identifiers.Protect(Input.Nir == null ? null : Nir.Normalise(Input.Nir)),
            CafNumberEncrypted = identifiers.Protect(Input.CafNumber),
            FranceTravailIdEncrypted = identifiers.Protect(Input.FranceTravailId?.ToUpperInvariant()),
            SiteId = siteId.Value,
            CreatedAt = clock.Now,
            CreatedBy = DeskAccess.ActorOf(User),
        };
        resident.RefreshSearchFields();

        if (!NotADuplicate)
        {
            // Same names and birth date, at this site: probably the same person.
            var first = SearchText.Fold(resident.FirstName);
            var last = SearchText.Fold(resident.LastName);
            var candidates = await ResidentAccess.VisibleAt(db, siteId)
                .Where(r => r.BirthDate == resident.BirthDate && r.SearchName.Contains(last) && r.SearchName.Contains(first))
                .Select(r => new { r.Id, r.FirstName, r.LastName }).ToListAsync(cancellationToken);
            if (candidates.Count > 0)
            {
                PossibleDuplicates = candidates.Select(c => (c.Id, $"{c.FirstName} {c.LastName}")).ToList();
                return Page();
            }
        }

        db.Add(resident);
        auditLog.Add(db, new AuditEvent("resident.create", "Resident", resident.Id.ToString("D"), AuditPurpose.ResidentReception));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"{resident.FullName} est enregistré(e).";
        return Redirect($"/usagers/{resident.Id}");
    }
}
