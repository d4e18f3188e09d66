using CarteBlanche.Employers.Firms;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs;

/// <summary>Corrects a firm's identity and contacts (the same checks as at enrolment); its experts and coordinators do.</summary>
[Authorize(Policy = Policies.EmployersExperts)]
public sealed class ModifierModel(CarteBlancheDbContext db, EmployersAccess access, IAuditLog auditLog) : PageModel
{
    [BindProperty] public FirmForm Form { get; set; } = new();
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public Firm Firm { get; private set; } = null!;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var firm = await access.FindAsync(User, id, cancellationToken);
        if (firm == null || !await access.CanEditAsync(User, id, cancellationToken))
        {
            return false;
        }
        Firm = firm;
        Communes = await CommuneChoices.LoadAsync(db, cancellationToken);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var f = Firm;
        Form = new FirmForm
        {
            Name = f.Name, Siret = f.Siret, NafCode = f.NafCode, Headcount = f.Headcount, Idcc = f.Idcc, AgreementName = f.AgreementName, Address = f.Address,
            Commune = f.CommuneInseeCode, ContactName = f.ContactName, ContactPhone = f.ContactPhone, ContactEmail = f.ContactEmail, EnrolledOn = f.EnrolledOn,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        // The enrolment day does not change here: it starts the preparation month.
        Form.EnrolledOn = Firm.EnrolledOn;
        ModelState.Remove("Form.EnrolledOn");
        var (siret, naf, idcc) = await Form.CheckAsync(db, ModelState, nameof(Form), cancellationToken);
        if (siret != null && await db.Set<Firm>().AnyAsync(f => f.Siret == siret && f.Id != id, cancellationToken))
        {
            ModelState.AddModelError("Form.Siret", $"SIRET : l'établissement {Siret.Format(siret)} est déjà inscrit au service.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var firm = await db.Set<Firm>().SingleAsync(f => f.Id == id, cancellationToken);
        firm.Name = Form.Name!.Trim();
        firm.Siret = siret!;
        firm.NafCode = naf!;
        firm.Headcount = Form.Headcount!.Value;
        firm.Idcc = idcc;
        firm.AgreementName = FormText.Blank(Form.AgreementName);
        firm.Address = FormText.Blank(Form.Address);
        firm.CommuneInseeCode = FormText.Blank(Form.Commune);
        firm.ContactName = FormText.Blank(Form.ContactName);
        firm.ContactPhone = FormText.Blank(Form.ContactPhone);
        firm.ContactEmail = FormText.Blank(Form.ContactEmail);
        auditLog.Add(db, new AuditEvent("employers.firm-update", "Firm", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Fiche de {firm.Name} enregistrée.";
        return Redirect($"/employeurs/{id}");
    }
}
