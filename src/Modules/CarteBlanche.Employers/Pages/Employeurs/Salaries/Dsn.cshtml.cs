using System.Text.RegularExpressions;
using CarteBlanche.Employers.Declarations;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs.Salaries;

/// <summary>
/// What the DSN needs of an employee: the NIR (encrypted; shown masked, never in full), the address, the place of
/// birth, the nationality's group, the job's PCS-ESE code and status, a CDD's reason code, the withholding tax rate.
/// Kept by the firm's experts; journaled.
/// </summary>
[Authorize(Policy = Policies.EmployersExperts)]
public sealed partial class DsnModel(CarteBlancheDbContext db, EmployersAccess access, EmployeeIdentifiers identifiers, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public static readonly IReadOnlyList<(string Code, string Label)> Statuses =
        [("06", "Employé"), ("07", "Ouvrier"), ("05", "Profession intermédiaire (technicien, agent de maîtrise)"), ("04", "Cadre"), ("03", "Cadre dirigeant")];
    public static readonly IReadOnlyList<(string Code, string Label)> NationalityGroups =
        [("01", "Française"), ("02", "D'un autre pays de l'Union européenne"), ("03", "D'un pays de l'Espace économique européen ou de Suisse"), ("04", "D'un autre pays")];
    public static readonly IReadOnlyList<(string Code, string Label)> CddReasons =
        [("01", "Remplacement d'un salarié absent"), ("02", "Accroissement temporaire d'activité"), ("03", "Emploi saisonnier"), ("05", "Contrat d'usage")];

    public Employee Employee { get; private set; } = null!;
    public Firm Firm { get; private set; } = null!;
    public EmploymentContract? Contract { get; private set; }
    /// <summary>« 2 90 04 •• ••• ••• 12 »: enough to recognise it, not to copy it.</summary>
    public string? MaskedNir { get; private set; }

    [BindProperty] public string? Nir { get; set; }
    [BindProperty] public string? Street { get; set; }
    [BindProperty] public string? PostalCode { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? BirthPlace { get; set; }
    [BindProperty] public string BirthCountry { get; set; } = "FR";
    [BindProperty] public string NationalityGroup { get; set; } = "01";
    [BindProperty] public string? PcsEse { get; set; }
    [BindProperty] public string Status { get; set; } = "06";
    [BindProperty] public string? CddReason { get; set; }
    [BindProperty] public string? TaxRate { get; set; }
    [BindProperty] public string? TaxRateId { get; set; }

    private async Task<EmployeeDeclarationData?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var employee = await db.Set<Employee>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        var firm = employee == null ? null : await access.FindAsync(User, employee.FirmId, cancellationToken);
        if (employee == null || firm == null || !await access.CanEditAsync(User, firm.Id, cancellationToken))
        {
            return null;
        }
        Employee = employee;
        Firm = firm;
        Contract = (await db.Set<EmploymentContract>().AsNoTracking().Where(c => c.EmployeeId == id).ToListAsync(cancellationToken)).OrderBy(c => c.Start).LastOrDefault();
        var data = await db.Set<EmployeeDeclarationData>().SingleOrDefaultAsync(d => d.EmployeeId == id, cancellationToken)
            ?? new EmployeeDeclarationData { EmployeeId = id, FirmId = firm.Id };
        if (data.NirEncrypted is { } encrypted && identifiers.Unprotect(encrypted) is { } nir)
        {
            MaskedNir = $"{nir[0]} {nir.Substring(1, 2)} {nir.Substring(3, 2)} •• ••• ••• {nir[13..]}";
        }
        return data;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } data)
        {
            return NotFound();
        }
        (Street, PostalCode, City, BirthPlace, BirthCountry, NationalityGroup, PcsEse, Status) =
            (data.Street, data.PostalCode, data.City, data.BirthPlace, data.BirthCountry, data.NationalityGroup, data.PcsEse, data.ConventionalStatus);
        CddReason = data.CddReasonCode ?? GuessCddReason(Contract?.CddReason);
        TaxRate = data.TaxRate is { } taxRate ? FrenchNumber.Format(taxRate) : null;
        TaxRateId = data.TaxRateId;
        if (BirthPlace == null)
        {
            BirthPlace = await db.Set<Recruitment.Hiring>().Where(h => h.EmployeeId == id).Select(h => h.EmployeeBirthPlace).SingleOrDefaultAsync(cancellationToken);
        }
        auditLog.Add(db, new AuditEvent("employers.declaration-data-read", "Employee", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } data)
        {
            return NotFound();
        }
        string? nir = null;
        if (!string.IsNullOrWhiteSpace(Nir))
        {
            if (Platform.People.Nir.Check(Nir) is { } error)
            {
                ModelState.AddModelError(nameof(Nir), $"Numéro de sécurité sociale : {error}");
            }
            else
            {
                nir = Platform.People.Nir.Normalise(Nir);
            }
        }
        else if (data.NirEncrypted == null)
        {
            ModelState.AddModelError(nameof(Nir), "Numéro de sécurité sociale : la DSN le demande (15 caractères avec la clé).");
        }
        Require(Street, nameof(Street), 150, "Adresse : numéro et voie, 150 caractères au plus.");
        if (PostalCode?.Trim() is not { } postal || !PostalCodeShape().IsMatch(postal))
        {
            ModelState.AddModelError(nameof(PostalCode), "Code postal : 5 chiffres.");
        }
        Require(City, nameof(City), 80, "Commune : 80 caractères au plus.");
        if (BirthCountry is not { Length: 2 } || !BirthCountry.All(char.IsAsciiLetterUpper))
        {
            ModelState.AddModelError(nameof(BirthCountry), "Pays de naissance : 2 lettres capitales (FR pour la France, code ISO du pays sinon).");
        }
        if (BirthCountry == "FR")
        {
            Require(BirthPlace, nameof(BirthPlace), 80, "Commune de naissance : pour une naissance en France, la DSN la demande (80 caractères au plus).");
        }
        if (NationalityGroups.All(n => n.Code != NationalityGroup))
        {
            ModelState.AddModelError(nameof(NationalityGroup), "Nationalité : choisissez dans la liste.");
        }
        if (PcsEse?.Trim().ToLowerInvariant() is not { } pcs || !PcsShape().IsMatch(pcs))
        {
            ModelState.AddModelError(nameof(PcsEse), "Code PCS-ESE : 3 chiffres et une lettre, comme 684a (nomenclature de l'Insee).");
        }
        if (Statuses.All(s => s.Code != Status))
        {
            ModelState.AddModelError(nameof(Status), "Statut : choisissez dans la liste.");
        }
        if (Contract?.Kind == ContractKind.Cdd && CddReasons.All(r => r.Code != CddReason))
        {
            ModelState.AddModelError(nameof(CddReason), "Motif de recours du CDD : choisissez dans la liste.");
        }
        // Empty: the neutral grid applies (the employee did not pass their rate on, or it is not known yet).
        var rate = string.IsNullOrWhiteSpace(TaxRate) ? null : FrenchNumber.Read(TaxRate, 0m, 43m, ModelState, nameof(TaxRate),
            "Taux personnalisé de prélèvement à la source : un pourcentage entre 0 et 43, par exemple 4,5 ; laissez vide pour la grille de taux par défaut.");
        if (TaxRateId?.Trim() is { Length: > 30 })
        {
            ModelState.AddModelError(nameof(TaxRateId), "Identifiant du taux : 30 caractères au plus.");
        }
        else if (rate != null && string.IsNullOrWhiteSpace(TaxRateId))
        {
            ModelState.AddModelError(nameof(TaxRateId), "Identifiant du taux : un taux personnalisé vient avec l'identifiant du compte rendu de la DGFiP ; recopiez-le.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (db.Entry(data).State == EntityState.Detached)
        {
            db.Add(data);
        }
        if (nir != null)
        {
            data.NirEncrypted = identifiers.Protect(nir);
        }
        data.Street = Street!.Trim();
        data.PostalCode = PostalCode!.Trim();
        data.City = City!.Trim();
        data.BirthCountry = BirthCountry;
        data.BirthPlace = BirthCountry == "FR" ? BirthPlace!.Trim() : FormText.Blank(BirthPlace);
        data.NationalityGroup = NationalityGroup;
        data.PcsEse = PcsEse!.Trim().ToLowerInvariant();
        data.ConventionalStatus = Status;
        // A CDD's reason code is kept once the employee moves on to a CDI: the CDD's months may still be declared.
        data.CddReasonCode = Contract?.Kind == ContractKind.Cdd ? CddReason : data.CddReasonCode;
        data.TaxRate = rate;
        data.TaxRateId = FormText.Blank(TaxRateId);
        data.UpdatedAt = clock.Now;
        data.UpdatedBy = User.AccountId();
        auditLog.Add(db, new AuditEvent("employers.declaration-data-update", "Employee", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Données pour la DSN de {Employee.FullName} enregistrées.";
        return Redirect($"/employeurs/salaries/{id}");
    }

    private void Require(string? value, string key, int max, string error)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            ModelState.AddModelError(key, error);
        }
    }

    /// <summary>The code that the CDD's reason, as written at hiring, most likely means; the expert confirms it.</summary>
    private static string? GuessCddReason(string? reason) => reason?.ToLowerInvariant() switch
    {
        { } r when r.Contains("remplacement", StringComparison.Ordinal) => "01",
        { } r when r.Contains("accroissement", StringComparison.Ordinal) => "02",
        { } r when r.Contains("saison", StringComparison.Ordinal) => "03",
        { } r when r.Contains("usage", StringComparison.Ordinal) => "05",
        _ => null,
    };

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex PostalCodeShape();

    [GeneratedRegex(@"^\d{3}[a-z]$")]
    private static partial Regex PcsShape();
}
