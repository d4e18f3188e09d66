using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Procedures;

namespace CarteBlanche.Desk.Pages.Demarches;

/// <summary>An agent proposes an edit of a procedure; it is published by a coordinator.</summary>
[Authorize(Policy = Policies.TerritoryReaders)]
public sealed class ProposerModel(CarteBlancheDbContext db, TimeProvider timeProvider) : PageModel
{
    public sealed class SuggestionForm
    {
        public string? Title { get; set; }
        public string? Url { get; set; }
        public string? Documents { get; set; }
        public string? Eligibility { get; set; }
        public string? Tips { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty] public SuggestionForm Input { get; set; } = new();
    public Procedure Procedure { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }
        Input = new SuggestionForm { Title = Procedure.Title, Url = Procedure.Url, Documents = Procedure.Documents, Eligibility = Procedure.Eligibility, Tips = Procedure.Tips };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", "Le titre de la démarche est obligatoire.");
        }
        if (!Uri.TryCreate(Input.Url?.Trim(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            ModelState.AddModelError("Input.Url", "Le lien doit être une adresse complète en https://.");
        }
        // The sizes of desk_procedure_suggestions' columns.
        foreach (var (field, value, max, what) in new (string, string?, int, string)[]
        {
            ("Title", Input.Title, 300, "Le titre"), ("Url", Input.Url, 500, "Le lien"), ("Documents", Input.Documents, 4000, "La liste des pièces"),
            ("Eligibility", Input.Eligibility, 2000, "« Qui peut la faire »"), ("Tips", Input.Tips, 2000, "Les conseils"), ("Comment", Input.Comment, 1000, "Le commentaire"),
        })
        {
            if (DeskLimits.CheckLength(value, max, what) is { } tooLong)
            {
                ModelState.AddModelError($"Input.{field}", tooLong);
            }
        }
        var unchanged = Input.Title?.Trim() == Procedure.Title && Input.Url?.Trim() == Procedure.Url && Normalise(Input.Documents) == Procedure.Documents
                        && (Input.Eligibility ?? "").Trim() == Procedure.Eligibility && (Input.Tips ?? "").Trim() == Procedure.Tips;
        if (ModelState.IsValid && unchanged)
        {
            ModelState.AddModelError("", "Vous n'avez rien modifié.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Add(new ProcedureSuggestion
        {
            ProcedureId = Procedure.Id,
            AuthorId = DeskAccess.ActorOf(User),
            CreatedAt = timeProvider.GetUtcNow(),
            Title = Input.Title!.Trim(),
            Url = Input.Url!.Trim(),
            Documents = Normalise(Input.Documents),
            Eligibility = (Input.Eligibility ?? "").Trim(),
            Tips = (Input.Tips ?? "").Trim(),
            Comment = string.IsNullOrWhiteSpace(Input.Comment) ? null : Input.Comment.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Merci : votre proposition sera relue par un coordinateur avant publication.";
        return Redirect($"/demarches/{code}");
    }

    private static string Normalise(string? documents) =>
        string.Join('\n', (documents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        Procedure = procedure!;
        return procedure != null;
    }
}
