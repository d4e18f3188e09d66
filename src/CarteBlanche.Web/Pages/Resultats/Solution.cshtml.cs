using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteBlanche.Web.Pages.Resultats;

/// <summary>
/// One solution's results over a chosen period (« du », « au »; twelve months by default): each indicator as a chart
/// and a table, its breakdowns, residents' published comments; CSV. Public, small counts masked.
/// </summary>
[Public("Les résultats de chaque solution sont publics (transparence), sans donnée personnelle et sans petit effectif.")]
public sealed class SolutionModel(PublicResults published, SatisfactionAnswers answers, ParisClock clock) : PageModel
{
    public const int CommentsShown = 6;

    [BindProperty(SupportsGet = true, Name = "du")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "au")] public string? To { get; set; }

    public SolutionResults Results { get; private set; } = default!;
    public IReadOnlyList<(DateOnly Day, int Score, string Comment)> Comments { get; private set; } = [];
    public string? PeriodError { get; private set; }
    public IReadOnlyList<YearMonth> MonthChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var solution = published.Solutions.FirstOrDefault(s => s.Slug == slug);
        if (solution == null)
        {
            return NotFound();
        }
        var (from, to, error) = ResultsPeriod.Read(From, To, clock.Today);
        PeriodError = error;
        var thisMonth = YearMonth.Of(clock.Today);
        MonthChoices = YearMonth.Range(thisMonth.AddMonths(-(ResultsPeriod.MaxMonths * 2)), thisMonth).Reverse().ToList();
        (From, To) = (from.ToString(), to.ToString());
        Results = await published.ForAsync(solution, from, to, cancellationToken);
        Comments = await answers.PublishedCommentsAsync(slug, from, to, CommentsShown, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string slug, CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(slug, cancellationToken);
        if (page is not PageResult)
        {
            return page;
        }
        return File(ResultFormat.ToCsv([Results]), "text/csv; charset=utf-8", CsvName(slug));
    }

    /// <summary>The period's evaluation report, printable: the same figures as the CSV of the same period.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string slug, CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(slug, cancellationToken);
        if (page is not PageResult)
        {
            return page;
        }
        return File(EvaluationReportPdf.Create(Results, clock.Today, CsvName(slug)), "application/pdf", $"rapport-evaluation-{slug}-{From}-{To}.pdf");
    }

    private string CsvName(string slug) => $"resultats-{slug}-{From}-{To}.csv";
}
