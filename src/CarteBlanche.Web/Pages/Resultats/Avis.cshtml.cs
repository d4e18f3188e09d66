using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Results;
using CarteBlanche.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Web.Pages.Resultats;

/// <summary>
/// Residents' free comments waiting for review, oldest first: a coordinator publishes one (after taking out anything
/// that would tell who wrote it or whom it is about) or sets it aside, which erases its text. Only published comments
/// show on the results pages.
/// </summary>
[Authorize(Policy = Policies.ResultsReviewers)]
public sealed class AvisModel(CarteBlancheDbContext db, IEnumerable<ISolutionResults> solutions, TimeProvider timeProvider) : PageModel
{
    public PagedList<SatisfactionAnswer> Pending { get; private set; } = default!;
    public int Published { get; private set; }
    public PaginationModel Pagination => Pending.Pagination(page => $"/resultats/avis?p={page}");

    public string TitleOf(string slug) => solutions.FirstOrDefault(s => s.Slug == slug)?.Title ?? slug;

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        Pending = await db.Set<SatisfactionAnswer>().AsNoTracking().Where(a => a.Review == CommentReview.Pending)
            .OrderBy(a => a.RecordedAt).ToPagedListAsync(p, cancellationToken, 20);
        Published = await db.Set<SatisfactionAnswer>().CountAsync(a => a.Review == CommentReview.Published, cancellationToken);
    }

    /// <summary>Publishes the comment as the coordinator left it in the box (they may take a name or a detail out).</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id, string? comment, CancellationToken cancellationToken)
    {
        var answer = await db.Set<SatisfactionAnswer>().SingleOrDefaultAsync(a => a.Id == id && a.Review == CommentReview.Pending, cancellationToken);
        if (answer == null)
        {
            TempData["Erreur"] = "Ce commentaire a déjà été relu.";
            return Redirect("/resultats/avis");
        }
        var text = comment?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > SatisfactionAnswer.CommentMaxLength)
        {
            TempData["Erreur"] = $"Le commentaire à publier doit faire de 1 à {SatisfactionAnswer.CommentMaxLength} caractères ; pour ne pas le publier, choisissez « Écarter ».";
            return Redirect("/resultats/avis");
        }
        answer.Comment = text;
        Review(answer, CommentReview.Published);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Commentaire publié.";
        return Redirect("/resultats/avis");
    }

    /// <summary>Sets the comment aside: its text is erased (the score stays in the results). Asked first.</summary>
    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken)
    {
        var answer = await db.Set<SatisfactionAnswer>().SingleOrDefaultAsync(a => a.Id == id && a.Review == CommentReview.Pending, cancellationToken);
        if (answer == null)
        {
            TempData["Erreur"] = "Ce commentaire a déjà été relu.";
            return Redirect("/resultats/avis");
        }
        if (!Confirmation.IsConfirmed(Request))
        {
            return Confirmation.Ask(this, "Écarter ce commentaire ?", "Oui, écarter et effacer le commentaire", "Son texte est effacé ; la note reste comptée dans les résultats.", "/resultats/avis");
        }
        answer.Comment = null;
        Review(answer, CommentReview.Rejected);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Commentaire écarté et effacé.";
        return Redirect("/resultats/avis");
    }

    private void Review(SatisfactionAnswer answer, CommentReview review)
    {
        answer.Review = review;
        answer.ReviewedAt = timeProvider.GetUtcNow();
        answer.ReviewedBy = User.AccountId();
    }
}
