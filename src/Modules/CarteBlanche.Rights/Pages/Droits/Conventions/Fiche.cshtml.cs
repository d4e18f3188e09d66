using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Pages.Droits.Conventions;

/// <summary>
/// A convention: its purpose, legal basis and dates, each party's signature, and its data dictionary (what each operator
/// shares). Data stewards of a party, coordinators and admins record signatures and change the dictionary; every change
/// is journaled.
/// </summary>
[Authorize(Policy = Policies.Rights)]
public sealed class FicheModel(CarteBlancheDbContext db, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public Convention Convention { get; private set; } = default!;
    public ConventionStatus Status { get; private set; }
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public Guid PartyId { get; set; }
    [BindProperty] public string? Signatory { get; set; }
    [BindProperty] public DateOnly? SignedOn { get; set; }

    [BindProperty] public Guid OperatorId { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public AttributeType Type { get; set; } = AttributeType.Text;
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public RefreshFrequency Refresh { get; set; } = RefreshFrequency.Monthly;
    [BindProperty] public Sensitivity Sensitivity { get; set; } = Sensitivity.Sensitive;
    [BindProperty] public Guid AttributeId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: false, cancellationToken))
        {
            return NotFound();
        }
        SignedOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: true, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var party = Convention.Parties.SingleOrDefault(p => p.Id == PartyId);
        if (party == null)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Signatory))
        {
            ModelState.AddModelError(nameof(Signatory), "Indiquez le nom et la fonction du signataire.");
        }
        else if (Signatory.Trim().Length > RightsLimits.NameMaxLength)
        {
            ModelState.AddModelError(nameof(Signatory), $"Ce texte dépasse {RightsLimits.NameMaxLength} caractères.");
        }
        if (SignedOn == null)
        {
            ModelState.AddModelError(nameof(SignedOn), "Indiquez la date de signature.");
        }
        else if (SignedOn > Today)
        {
            ModelState.AddModelError(nameof(SignedOn), "La date de signature ne peut pas être dans le futur.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        party.Signatory = Signatory!.Trim();
        party.SignedOn = SignedOn;
        auditLog.Add(db, new AuditEvent("convention.sign", "Convention", Convention.Id.ToString("D"), AuditPurpose.ConventionAdministration));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = Convention.StatusOn(Today) == ConventionStatus.InForce
            ? "Signature enregistrée : la convention est en vigueur."
            : "Signature enregistrée.";
        return Redirect(Path(Convention.Id));
    }

    public async Task<IActionResult> OnPostAddAttributeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: true, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (Convention.Parties.All(p => p.OrganisationId != OperatorId))
        {
            ModelState.AddModelError(nameof(OperatorId), "Choisissez l'organisme qui détient la donnée, parmi les parties.");
        }
        var code = Code?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError(nameof(Code), "Donnez un code à la donnée (lettres minuscules, chiffres et « _ »).");
        }
        else if (code.Length > RightsLimits.CodeMaxLength || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            ModelState.AddModelError(nameof(Code), $"Le code ne prend que des lettres minuscules sans accent, des chiffres et « _ », {RightsLimits.CodeMaxLength} caractères au plus.");
        }
        else if (Convention.Attributes.Any(a => a.OperatorId == OperatorId && a.Code == code))
        {
            ModelState.AddModelError(nameof(Code), "Cet organisme partage déjà une donnée de ce code dans cette convention.");
        }
        if (string.IsNullOrWhiteSpace(Label) || Label.Trim().Length > RightsLimits.TitleMaxLength)
        {
            ModelState.AddModelError(nameof(Label), $"Décrivez la donnée ({RightsLimits.TitleMaxLength} caractères au plus).");
        }
        if (string.IsNullOrWhiteSpace(Source) || Source.Trim().Length > RightsLimits.TitleMaxLength)
        {
            ModelState.AddModelError(nameof(Source), $"Indiquez d'où vient la donnée ({RightsLimits.TitleMaxLength} caractères au plus).");
        }
        if (!Enum.IsDefined(Type) || !Enum.IsDefined(Refresh) || !Enum.IsDefined(Sensitivity))
        {
            ModelState.AddModelError(nameof(Type), "Choisissez le type, la fréquence et la sensibilité dans les listes.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Add(new SharedAttribute
        {
            ConventionId = Convention.Id,
            OperatorId = OperatorId,
            Code = code!,
            Label = Label!.Trim(),
            Type = Type,
            Source = Source!.Trim(),
            Refresh = Refresh,
            Sensitivity = Sensitivity,
        });
        auditLog.Add(db, new AuditEvent("convention.attribute-add", "Convention", Convention.Id.ToString("D"), AuditPurpose.ConventionAdministration));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Donnée « {Label!.Trim()} » ajoutée au dictionnaire.";
        return Redirect(Path(Convention.Id) + "#dictionnaire");
    }

    public async Task<IActionResult> OnPostRemoveAttributeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: true, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var attribute = Convention.Attributes.SingleOrDefault(a => a.Id == AttributeId);
        if (attribute == null)
        {
            return NotFound();
        }
        if (!Confirmation.IsConfirmed(Request))
        {
            return Confirmation.Ask(this, $"Retirer « {attribute.Label} » du dictionnaire ?", "Oui, retirer la donnée",
                "L'organisme ne pourra plus la partager sous cette convention, même avec le consentement des usagers.", Path(Convention.Id));
        }
        db.Remove(attribute);
        auditLog.Add(db, new AuditEvent("convention.attribute-remove", "Convention", Convention.Id.ToString("D"), AuditPurpose.ConventionAdministration));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Donnée « {attribute.Label} » retirée du dictionnaire.";
        return Redirect(Path(Convention.Id) + "#dictionnaire");
    }

    public static string Path(Guid id) => $"/droits/conventions/{id:D}";

    private async Task<bool> LoadAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Set<Convention>().Where(c => c.Id == id);
        var convention = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
        if (convention == null)
        {
            return false;
        }
        Convention = convention;
        Today = clock.Today;
        Status = convention.StatusOn(Today);
        var ids = convention.Parties.Select(p => p.OrganisationId).ToList();
        Names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        CanEdit = User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin)
            || (User.IsInRole(Roles.DataSteward) && User.Organisation() is { } organisation && ids.Contains(organisation));
        return true;
    }
}
