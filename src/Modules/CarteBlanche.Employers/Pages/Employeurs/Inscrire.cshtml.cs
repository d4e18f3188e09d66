using CarteBlanche.Employers.Firms;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs;

/// <summary>
/// An HR expert (or a coordinator) enrols a firm: its identity, checked (SIRET key, NAF, IDCC), and the day it enters
/// the service; the preparation month follows. The firm becomes an organisation of the territory, so that its owner's
/// account can belong to it; the enrolling expert follows it for every function.
/// </summary>
[Authorize(Policy = Policies.EmployersExperts)]
public sealed class InscrireModel(CarteBlancheDbContext db, ParisClock clock) : PageModel
{
    [BindProperty] public FirmForm Form { get; set; } = new();
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Communes = await CommuneChoices.LoadAsync(db, cancellationToken);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form.EnrolledOn = clock.Today;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (siret, naf, idcc) = await Form.CheckAsync(db, ModelState, nameof(Form), cancellationToken);
        if (siret != null && await db.Set<Firm>().AnyAsync(f => f.Siret == siret, cancellationToken))
        {
            ModelState.AddModelError("Form.Siret", $"SIRET : l'établissement {Siret.Format(siret)} est déjà inscrit au service.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var name = Form.Name!.Trim();
        // The owner's account may already be in an organisation of that name (created by an admin): the firm is that one.
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name && o.Kind == OrganisationKind.Other
            && !db.Set<Firm>().Any(f => f.OrganisationId == o.Id), cancellationToken);
        if (organisation == null)
        {
            organisation = new Organisation { Name = name, Kind = OrganisationKind.Other, Phone = FormText.Blank(Form.ContactPhone), Email = FormText.Blank(Form.ContactEmail), SearchName = SearchText.Fold(name) };
            db.Organisations.Add(organisation);
        }
        var enrolled = Form.EnrolledOn!.Value;
        var firm = new Firm
        {
            OrganisationId = organisation.Id, Name = name, Siret = siret!, NafCode = naf!, Headcount = Form.Headcount!.Value, Idcc = idcc,
            AgreementName = FormText.Blank(Form.AgreementName), Address = FormText.Blank(Form.Address), CommuneInseeCode = FormText.Blank(Form.Commune),
            ContactName = FormText.Blank(Form.ContactName), ContactPhone = FormText.Blank(Form.ContactPhone), ContactEmail = FormText.Blank(Form.ContactEmail),
            Stage = EnrolmentStage.Preparation, EnrolledOn = enrolled, OperationFrom = enrolled.AddMonths(1), CreatedAt = clock.Now, CreatedBy = User.AccountId(),
        };
        db.Add(firm);
        if (User.IsInRole(Roles.HrExpert))
        {
            db.Add(new FirmExpert { FirmId = firm.Id, AccountId = User.AccountId(), Functions = HrFunctions.All });
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"{name} est inscrite : mois de préparation jusqu'au {Platform.Web.FrenchFormat.Date(firm.OperationFrom.AddDays(-1))}.";
        return Redirect($"/employeurs/{firm.Id}");
    }
}
