using CarteBlanche.Platform.Files;

namespace CarteBlanche.Bus.Pages.Car;

/// <summary>The bus's figures: residents served per stop and per month, cases opened, cost per contact, quiet stops. No personal data.</summary>
[Authorize(Policy = Policies.BusCrew)]
public sealed class ChiffresModel(BusFigures figures, Timetable timetable) : PageModel
{
    public IReadOnlyList<StopFigures> Stops { get; private set; } = [];
    public IReadOnlyList<MonthFigures> Months { get; private set; } = [];
    public decimal? CostPerContact { get; private set; }
    public IsolatedReach? Reach { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        To = timetable.Today;
        From = To.AddYears(-1).AddDays(1);
        (Stops, Months, CostPerContact) = await figures.ComputeAsync(From, To, cancellationToken);
        Reach = await figures.ReachAsync(From, To, cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var csv = BusFigures.ToCsv(Stops);
        return File(Csv.WithByteOrderMark(csv), "text/csv; charset=utf-8", "car-france-services-frequentation.csv");
    }
}
