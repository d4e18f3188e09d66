using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Pages.Droits.Conventions;

/// <summary>A data steward records a new convention: purpose, legal basis, dates, parties (signed afterwards on its page).</summary>
[Authorize(Policy = Policies.RightsStewards)]
public sealed class NouvelleModel(CarteBlancheDbContext db, IAuditLog auditLog, ParisClock clock) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public List<Guid> Parties { get; set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> OperatorChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        StartsOn = today;
        EndsOn = today.AddYears(3).AddDays(-1);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Required(Title, nameof(Title), "Donnez un intitulé à la convention.", RightsLimits.TitleMaxLength);
        Required(Purpose, nameof(Purpose), "Écrivez la finalité : à quoi servent les données partagées.", RightsLimits.TextMaxLength);
        Required(LegalBasis, nameof(LegalBasis), "Écrivez la base légale de l'échange.", RightsLimits.TextMaxLength);
        if (StartsOn == null && ModelState.GetFieldValidationState(nameof(StartsOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(StartsOn), "Indiquez la date d'entrée en vigueur.");
        }
        if (EndsOn == null && ModelState.GetFieldValidationState(nameof(EndsOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(EndsOn), "Indiquez la date de fin.");
        }
        if (StartsOn != null && EndsOn != null && EndsOn < StartsOn)
        {
            ModelState.AddModelError(nameof(EndsOn), "La fin est avant l'entrée en vigueur.");
        }
        if (Parties.Distinct().Count() < 2 || Parties.Any(p => OperatorChoices.All(c => c.Id != p)))
        {
            ModelState.AddModelError(nameof(Parties), "Cochez au moins deux organismes parties à la convention.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var convention = new Convention
        {
            Title = Title!.Trim(),
            Purpose = Purpose!.Trim(),
            LegalBasis = LegalBasis!.Trim(),
            StartsOn = StartsOn!.Value,
            EndsOn = EndsOn!.Value,
            CreatedAt = clock.Now,
            CreatedBy = User.AccountId(),
        };
        foreach (var party in Parties.Distinct())
        {
            convention.Parties.Add(new ConventionParty { ConventionId = convention.Id, OrganisationId = party });
        }
        db.Add(convention);
        auditLog.Add(db, new AuditEvent("convention.create", "Convention", convention.Id.ToString("D"), AuditPurpose.ConventionAdministration));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Convention enregistrée. Ajoutez les données partagées et la signature de chaque organisme : elle sera en vigueur une fois signée par tous.";
        return Redirect($"/droits/conventions/{convention.Id:D}");
    }

    private void Required(string? value, string field, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, message);
        }
        else if (value.Trim().Length > max)
        {
            ModelState.AddModelError(field, $"Ce texte dépasse {max} caractères.");
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.IsActive && (o.Kind == OrganisationKind.SocialOperator || o.Kind == OrganisationKind.State || o.Kind == OrganisationKind.LocalAuthority))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        OperatorChoices = organisations.Select(o => (o.Id, o.Name)).ToList();
    }
}
