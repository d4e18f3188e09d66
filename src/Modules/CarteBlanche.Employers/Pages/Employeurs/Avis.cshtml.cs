using CarteBlanche.Employers.Evaluation;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs;

public sealed record FeedbackRow(DateOnly Day, int Satisfaction, decimal CoFinancingPerMonth, string? Comment, bool GivenByFirm, string RecordedBy);

/// <summary>
/// The firm's opinion of the service: its owner gives it here, or an HR expert notes what the firm said (on the phone,
/// at a visit). Satisfaction on 5 and what the firm would pay a month to keep the service; the earlier answers below.
/// </summary>
[Authorize(Policy = Policies.Employers)]
public sealed class AvisModel(CarteBlancheDbContext db, EmployersAccess access, ParisClock clock, SatisfactionAnswers answers) : PageModel
{
    public static readonly IReadOnlyList<(int Value, string Label)> Scale =
        [(5, "Très satisfait"), (4, "Satisfait"), (3, "Moyennement satisfait"), (2, "Peu satisfait"), (1, "Pas du tout satisfait")];

    public static string SatisfactionLabel(int value) => Scale.FirstOrDefault(s => s.Value == value).Label ?? value.ToString(FrenchFormat.Culture);

    public Firm Firm { get; private set; } = null!;
    /// <summary>The firm's owner answers for themselves; an expert notes what the firm said.</summary>
    public bool IsOwner { get; private set; }
    public IReadOnlyList<FeedbackRow> Earlier { get; private set; } = [];

    [BindProperty] public int? Satisfaction { get; set; }
    [BindProperty] public bool? WouldCoFinance { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Comment { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var firm = await access.FindAsync(User, id, cancellationToken);
        if (firm == null)
        {
            return false;
        }
        Firm = firm;
        IsOwner = User.IsInRole(Roles.FirmOwner) && User.Organisation() == firm.OrganisationId;
        if (!IsOwner && !await access.CanEditAsync(User, id, cancellationToken))
        {
            return false;
        }
        Earlier = (await db.Set<FirmFeedback>().AsNoTracking().Where(f => f.FirmId == id)
                .Join(db.Users, f => f.RecordedBy, a => a.Id, (f, a) => new { f, a.DisplayName }).ToListAsync(cancellationToken))
            .OrderByDescending(x => x.f.Day).ThenByDescending(x => x.f.RecordedAt)
            .Select(x => new FeedbackRow(x.f.Day, x.f.Satisfaction, x.f.CoFinancingPerMonth, x.f.Comment, x.f.GivenByFirm, x.DisplayName)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Satisfaction is not (>= 1 and <= 5))
        {
            ModelState.AddModelError(nameof(Satisfaction), "Satisfaction : choisissez une réponse, de « Pas du tout satisfait » à « Très satisfait ».");
        }
        decimal amount = 0;
        if (WouldCoFinance == null)
        {
            ModelState.AddModelError(nameof(WouldCoFinance), "Cofinancement : répondez oui ou non.");
        }
        else if (WouldCoFinance == true)
        {
            amount = FrenchNumber.Read(Amount, 1m, 10_000m, ModelState, nameof(Amount),
                "Montant par mois : écrivez un montant en euros entre 1 et 10 000, par exemple 150 ou 87,50.") ?? 0;
        }
        if (Comment?.Length > 1000)
        {
            ModelState.AddModelError(nameof(Comment), "Commentaire : 1 000 caractères au plus.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Add(new FirmFeedback
        {
            FirmId = id, Day = clock.Today, Satisfaction = Satisfaction!.Value, CoFinancingPerMonth = amount, Comment = FormText.Blank(Comment),
            GivenByFirm = IsOwner, RecordedAt = clock.Now, RecordedBy = User.AccountId(),
        });
        // The same score (and comment, for review before it is shown) to the results, with every solution's.
        answers.Add("employeurs", null, id, clock.Today, Satisfaction!.Value, Comment, IsOwner ? "Donné par l'entreprise" : "Recueilli par l'expert RH");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = IsOwner ? "Merci : votre avis est enregistré." : $"L'avis de {Firm.Name} est enregistré.";
        return Redirect($"/employeurs/{id}");
    }
}
