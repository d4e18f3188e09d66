using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteBlanche.Web.Pages.Resultats;

/// <summary>
/// The public « Résultats » page: each solution's charts over the last twelve months, figures standing on fewer than
/// five people masked; the whole as CSV. Every solution's own page gives the tables and more.
/// </summary>
[Public("Les résultats de chaque solution sont publics (transparence), sans donnée personnelle et sans petit effectif.")]
public sealed class IndexModel(PublicResults published, ParisClock clock) : PageModel
{
    public IReadOnlyList<SolutionResults> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Results = await ComputeAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var results = await ComputeAsync(cancellationToken);
        var (from, to) = (results[0].Months[0], results[0].Months[^1]);
        return File(ResultFormat.ToCsv(results), "text/csv; charset=utf-8", $"resultats-{from}-{to}.csv");
    }

    private async Task<IReadOnlyList<SolutionResults>> ComputeAsync(CancellationToken cancellationToken)
    {
        var (from, to, _) = ResultsPeriod.Read(null, null, clock.Today);
        var results = new List<SolutionResults>();
        foreach (var solution in published.Solutions)
        {
            results.Add(await published.ForAsync(solution, from, to, cancellationToken));
        }
        return results;
    }
}
