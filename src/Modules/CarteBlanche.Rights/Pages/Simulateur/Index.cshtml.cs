using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights.Simulator;
using BenefitsMonth = CarteBlanche.Benefits.Month;

namespace CarteBlanche.Rights.Pages.Simulateur;

/// <summary>
/// The rights simulator, public: a resident (or an agent with them) answers a short questionnaire and sees the rights
/// they probably have this month, each with the benefits engine's explanation and where to ask. Nothing is stored,
/// nothing journaled: no one is identified.
/// </summary>
[Public("Le simulateur de droits est ouvert à tous, sans compte ; rien n'est enregistré.")]
public sealed class IndexModel(ParisClock clock) : PageModel
{
    [BindProperty] public SimulatorForm Form { get; set; } = new();

    public IReadOnlyList<SimulatedRight>? Rights { get; private set; }
    public Dictionary<string, string> Errors { get; private set; } = [];
    public DateOnly Month { get; private set; }

    public void OnGet() => Month = FirstOfMonth();

    public IActionResult OnPost()
    {
        Month = FirstOfMonth();
        Errors = RightsSimulator.Validate(Form);
        if (Errors.Count > 0)
        {
            return Page();
        }
        Rights = RightsSimulator.Simulate(Form, BenefitsMonth.Of(Month.Year, Month.Month), clock.Today);
        return Page();
    }

    private DateOnly FirstOfMonth() => new(clock.Today.Year, clock.Today.Month, 1);
}
