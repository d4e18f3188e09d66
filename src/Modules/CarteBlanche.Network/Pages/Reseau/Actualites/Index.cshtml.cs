using CarteBlanche.Network.News;

namespace CarteBlanche.Network.Pages.Reseau.Actualites;

/// <summary>The partners' news for this account: unread first; mark as read; publishers withdraw their organisation's items.</summary>
[Authorize(Policy = Policies.Network)]
public sealed class IndexModel(NewsFeed feed, CarteBlancheDbContext db, TimeProvider timeProvider) : PageModel
{
    public IReadOnlyList<NewsView> Items { get; private set; } = [];
    public bool CanPublish => User.IsInRole(Roles.PartnerReferent) || NetworkAccess.IsCoordinator(User);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await feed.ForAsync(User, cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(Guid newsItemId, string? returnUrl, CancellationToken cancellationToken)
    {
        await feed.MarkReadAsync(User, newsItemId, cancellationToken);
        return LocalRedirect(returnUrl is "/" ? "/" : "/reseau/actualites");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid newsItemId, CancellationToken cancellationToken)
    {
        // Who may withdraw is checked before asking to confirm: nobody is asked to confirm what they cannot do.
        if (!CanPublish)
        {
            return Forbid();
        }
        var item = await db.Set<NewsItem>().SingleOrDefaultAsync(n => n.Id == newsItemId, cancellationToken);
        if (item == null)
        {
            return NotFound();
        }
        if (!NetworkAccess.IsCoordinator(User) && item.OrganisationId != NetworkAccess.OrganisationOf(User))
        {
            return Forbid();
        }
        if (!CarteBlanche.Platform.Web.Confirmation.IsConfirmed(Request))
        {
            return CarteBlanche.Platform.Web.Confirmation.Ask(this, "Retirer cette actualité ?", "Oui, retirer l'actualité", "Elle ne sera plus affichée à personne.", "/reseau/actualites");
        }
        item.WithdrawnAt ??= timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"L'actualité « {item.Title} » est retirée.";
        return Redirect("/reseau/actualites");
    }

    public bool CanWithdraw(NewsItem item) => NetworkAccess.IsCoordinator(User) || (User.IsInRole(Roles.PartnerReferent) && item.OrganisationId == NetworkAccess.OrganisationOf(User));
}
