using CarteBlanche.Desk.Satisfaction;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;
using Microsoft.AspNetCore.RateLimiting;

namespace CarteBlanche.Desk.Pages.Satisfaction;

/// <summary>The resident answers from the personal link, without an account; once.</summary>
[Public("L'usager répond à l'enquête de satisfaction par le lien reçu, sans compte.")]
[EnableRateLimiting("sign-in")]
public sealed class IndexModel(CarteBlancheDbContext db, SatisfactionAnswers answers, ParisClock clock, TimeProvider timeProvider) : PageModel
{
    public string? Problem { get; private set; }
    public bool Thanks { get; private set; }
    public string? SiteName { get; private set; }

    [BindProperty] public int? Score { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public async Task OnGetAsync(string token, CancellationToken cancellationToken) => await LoadAsync(token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var survey = await LoadAsync(token, cancellationToken);
        if (survey == null || Problem != null)
        {
            return Page();
        }
        if (Score == null)
        {
            ModelState.AddModelError(nameof(Score), "Choisissez une note de 1 à 5.");
            return Page();
        }
        var error = survey.Answer(Score.Value, timeProvider.GetUtcNow())
                    ?? answers.Add("guichet", survey.SiteId, survey.CaseId, clock.Today, Score.Value, Cut(Comment), "Questionnaire en ligne");
        if (error != null)
        {
            Problem = error;
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        Thanks = true;
        return Page();
    }

    /// <summary>A browser counts a line break as one character and sends two: the comment is cut, not refused (the resident cannot fix it).</summary>
    private static string? Cut(string? comment) => comment?.Trim() is { Length: > SatisfactionAnswer.CommentMaxLength } tooLong ? tooLong[..SatisfactionAnswer.CommentMaxLength] : comment;

    private async Task<SatisfactionSurvey?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SatisfactionSurvey.Hash(token);
        var survey = await db.Set<SatisfactionSurvey>().SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        if (survey == null)
        {
            Problem = "Ce lien n'est pas valide.";
            return null;
        }
        SiteName = await db.Places.Where(p => p.Id == survey.SiteId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        if (survey.AnsweredAt != null)
        {
            Problem = "Vous avez déjà répondu à ce questionnaire. Merci !";
        }
        else if (timeProvider.GetUtcNow() > survey.ExpiresAt)
        {
            Problem = "Ce questionnaire a expiré.";
        }
        return survey;
    }
}
