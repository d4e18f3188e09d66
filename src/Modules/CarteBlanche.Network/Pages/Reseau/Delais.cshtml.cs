using CarteBlanche.Network.Figures;
using CarteBlanche.Platform.Files;

namespace CarteBlanche.Network.Pages.Reseau;

/// <summary>Public answer times of the partners (transparence des résultats): no personal data, CSV export.</summary>
[Public("Les délais de réponse des partenaires sont publiés pour tous (engagement de service).")]
public sealed class DelaisModel(AnswerTimes answerTimes) : PageModel
{
    public const int Months = 12;

    public IReadOnlyList<AnswerTimeRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await answerTimes.ComputeAsync(Months, cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var csv = AnswerTimes.ToCsv(await answerTimes.ComputeAsync(Months, cancellationToken));
        return File(Csv.WithByteOrderMark(csv), "text/csv; charset=utf-8", "delais-de-reponse-partenaires.csv");
    }
}
