using System.Globalization;
using CarteBlanche.Platform.Files;
using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Mobility.Pages.Mobilite;

/// <summary>
/// The platform's figures month by month (by the day of the trip), without any person: needs recorded and how they
/// ended, rides proposed, agreed and done, kilometres shared (the passengers' part of rides agreed or done); CSV.
/// </summary>
[Authorize(Policy = Policies.Mobility)]
public sealed class ChiffresModel(MobilityFigures figures, ParisClock clock, Microsoft.Extensions.Options.IOptions<MobilityOptions> options) : PageModel
{
    public double? Co2Factor => options.Value.Co2KilogramsPerKilometre;
    public string? Co2Source => options.Value.Co2Source;

    public const int Months = 12;

    public IReadOnlyList<MobilityMonth> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await RowsAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        var rows = (await RowsAsync(cancellationToken)).Select(r => new[]
        {
            r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), N(r.Needs), N(r.Transit), N(r.Carpool), N(r.Other), N(r.Unmet), N(r.RidesProposed), N(r.RidesAgreed), N(r.RidesDone),
            r.KilometresShared.ToString("0.0", CultureInfo.InvariantCulture), r.Co2Kilograms?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
        });
        var csv = Csv.Write([["mois", "besoins", "solution_car_bus", "solution_covoiturage", "solution_autre", "sans_solution", "trajets_proposes", "trajets_convenus", "trajets_faits", "km_partages", "co2_evite_kg"], .. rows], ';');
        return File(Csv.WithByteOrderMark(csv), "text/csv; charset=utf-8", "mobilite-chiffres.csv");
    }

    private async Task<IReadOnlyList<MobilityMonth>> RowsAsync(CancellationToken cancellationToken)
    {
        var first = new DateOnly(clock.Today.Year, clock.Today.Month, 1).AddMonths(-(Months - 1));
        var rows = await figures.MonthlyAsync(YearMonth.Of(first), YearMonth.Of(clock.Today.AddMonths(1)), cancellationToken);
        return rows.Select(m => Co2Factor is { } factor ? m with { Co2Kilograms = m.KilometresShared * factor } : m).ToList();
    }
}
