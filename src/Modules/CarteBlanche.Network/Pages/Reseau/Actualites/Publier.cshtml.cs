using CarteBlanche.Network.News;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Network.Pages.Reseau.Actualites;

/// <summary>A partner referent (or a coordinator) publishes a news item for an audience and a period.</summary>
[Authorize(Policy = Policies.NewsPublishers)]
public sealed class PublierModel(CarteBlancheDbContext db, NewsFeed feed, TimeProvider timeProvider) : PageModel
{
    public static readonly string[] AudienceRoles = [Roles.Agent, Roles.SocialWorker, Roles.PartnerReferent, Roles.Coordinator, Roles.Helper];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public NewsCategory Category { get; set; } = NewsCategory.Other;
    [BindProperty] public NewsAudience Audience { get; set; } = NewsAudience.Territory;
    [BindProperty] public List<Guid> Sites { get; set; } = [];
    [BindProperty] public List<string> AudienceRoleNames { get; set; } = [];
    [BindProperty] public bool IsPublic { get; set; }
    [BindProperty] public DateOnly? ValidFrom { get; set; }
    [BindProperty] public DateOnly? ValidUntil { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> SiteChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ValidFrom = feed.Today;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Title))
        {
            ModelState.AddModelError(nameof(Title), "Donnez un titre à l'actualité.");
        }
        else if (Title.Trim().Length > NetworkLimits.NewsTitleMaxLength)
        {
            ModelState.AddModelError(nameof(Title), $"Le titre dépasse {NetworkLimits.NewsTitleMaxLength} caractères.");
        }
        if (string.IsNullOrWhiteSpace(Body))
        {
            ModelState.AddModelError(nameof(Body), "Écrivez le texte de l'actualité.");
        }
        else if (Body.Length > NetworkLimits.NewsBodyMaxLength)
        {
            ModelState.AddModelError(nameof(Body), $"Le texte dépasse {NetworkLimits.NewsBodyMaxLength} caractères.");
        }
        if (ValidFrom == null && ModelState.GetFieldValidationState(nameof(ValidFrom)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(ValidFrom), "Indiquez à partir de quand l'actualité est affichée.");
        }
        if (ValidFrom != null && ValidUntil != null && ValidUntil < ValidFrom)
        {
            ModelState.AddModelError(nameof(ValidUntil), "La date de fin est avant la date de début.");
        }
        if (Audience == NewsAudience.Sites && (Sites.Count == 0 || Sites.Any(s => SiteChoices.All(c => c.Id != s))))
        {
            ModelState.AddModelError(nameof(Sites), "Choisissez au moins un lieu d'accueil.");
        }
        if (Audience == NewsAudience.Roles && (AudienceRoleNames.Count == 0 || AudienceRoleNames.Any(r => !AudienceRoles.Contains(r))))
        {
            ModelState.AddModelError(nameof(AudienceRoleNames), "Choisissez au moins un rôle.");
        }
        if (IsPublic && Audience != NewsAudience.Territory)
        {
            ModelState.AddModelError(nameof(IsPublic), "Seule une actualité pour tout le territoire peut être publique.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var item = new NewsItem
        {
            OrganisationId = Actor.Of(User).OrganisationId,
            AuthorId = Actor.Of(User).Id,
            Title = Title!.Trim(),
            Body = Body!.Trim(),
            Category = Category,
            Audience = Audience,
            AudienceList = Audience switch
            {
                NewsAudience.Sites => string.Join(",", Sites.Distinct().Select(s => s.ToString("D"))),
                NewsAudience.Roles => string.Join(",", AudienceRoleNames.Distinct()),
                _ => "",
            },
            IsPublic = IsPublic,
            ValidFrom = ValidFrom!.Value,
            ValidUntil = ValidUntil,
            PublishedAt = timeProvider.GetUtcNow(),
        };
        db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Actualité « {item.Title} » publiée.";
        return Redirect("/reseau/actualites");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        SiteChoices = (await db.Places.AsNoTracking().Where(p => p.IsActive && p.Kind == PlaceKind.FranceServices).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.Name)).ToList();
}
