using CarteBlanche.Mobility.Journeys;
using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Mobility.Pages.Mobilite.Besoins;

/// <summary>A helper records a person's need to travel (who, with their consent; from where, to where, when, why), then looks for a solution on the need's page.</summary>
[Authorize(Policy = Policies.Mobility)]
public sealed class NouveauModel(CarteBlancheDbContext db, JourneySearch search, NeedRecording recording, ParisClock clock) : PageModel
{
    [BindProperty] public NeedForm Form { get; set; } = new();
    public IReadOnlyList<string> Suggestions { get; private set; } = [];
    public IReadOnlyList<CommuneChoice.Option> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form.Day = clock.Today.AddDays(1);
        Form.Time = new TimeOnly(9, 0);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (await recording.CheckAsync(Form, ModelState, cancellationToken) is not { } need)
        {
            return Page();
        }
        await recording.SaveAsync(Form, need, User.AccountId(), cancellationToken);
        return Redirect($"/mobilite/besoins/{need.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Suggestions = await search.SuggestionsAsync(cancellationToken);
        Communes = await CommuneChoice.OptionsAsync(db, cancellationToken);
    }
}
