using System.ComponentModel.DataAnnotations;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Platform.Pages.Territoire.Organisations;

/// <summary>Creates (no id) or edits an organisation.</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class ModifierModel(CarteBlancheDbContext db, IAuditLog auditLog) : PageModel
{
    public sealed class OrganisationForm
    {
        [Required(ErrorMessage = "Saisissez le nom de l'organisation.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        public string Name { get; set; } = "";

        [StringLength(50, ErrorMessage = "Le sigle ne doit pas dépasser 50 caractères.")]
        public string? ShortName { get; set; }

        public OrganisationKind Kind { get; set; } = OrganisationKind.Other;

        [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide (format attendu : nom@domaine.fr).")]
        [StringLength(254)]
        public string? Email { get; set; }

        [Phone(ErrorMessage = "Le numéro de téléphone n'est pas valide.")]
        [StringLength(30)]
        public string? Phone { get; set; }

        [Url(ErrorMessage = "Le site doit être une adresse complète (https://...).")]
        [StringLength(500)]
        public string? Website { get; set; }

        public bool IsActive { get; set; } = true;
    }

    [BindProperty] public OrganisationForm Input { get; set; } = new();
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id == null)
        {
            return Page();
        }
        var organisation = await db.Organisations.FindAsync([id.Value], cancellationToken);
        if (organisation == null)
        {
            return NotFound();
        }
        Input = new OrganisationForm
        {
            Name = organisation.Name,
            ShortName = organisation.ShortName,
            Kind = organisation.Kind,
            Email = organisation.Email,
            Phone = organisation.Phone,
            Website = organisation.Website,
            IsActive = organisation.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var organisation = id == null ? null : await db.Organisations.FindAsync([id.Value], cancellationToken);
        if (id != null && organisation == null)
        {
            return NotFound();
        }
        var name = Input.Name?.Trim() ?? "";
        if (ModelState.IsValid && await db.Organisations.AnyAsync(o => o.Name == name && o.Id != id, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", "Une organisation porte déjà ce nom.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (organisation == null)
        {
            organisation = new Organisation { Name = name };
            db.Organisations.Add(organisation);
        }
        organisation.Name = name;
        organisation.SearchName = SearchText.Fold(name);
        organisation.ShortName = FormText.Blank(Input.ShortName);
        organisation.Kind = Input.Kind;
        organisation.Email = FormText.Blank(Input.Email);
        organisation.Phone = FormText.Blank(Input.Phone);
        organisation.Website = FormText.Blank(Input.Website);
        organisation.IsActive = Input.IsActive;
        auditLog.Add(db, new AuditEvent(id == null ? "territory.organisation-create" : "territory.organisation-update", "Organisation", organisation.Id.ToString("D")));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"L'organisation {organisation.Name} a été enregistrée.";
        return RedirectToPage("Index");
    }
}
