using CarteBlanche.Network.Knowledge;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;

namespace CarteBlanche.Network.Figures;

/// <summary>
/// The partner network's results, every organisation together: questions sent, answers within 48 working hours,
/// median time to the first reply, usefulness of the answers, and the knowledge base (cards validated, opened from
/// a case, questions avoided). The same computations as the answer times page and the cards' figures.
/// </summary>
internal sealed class NetworkResults(AnswerTimes answerTimes, KnowledgeFigures knowledge) : ISolutionResults
{
    public string Slug => "reseau";

    public string Title => "Le réseau des partenaires";

    public int Order => 2;

    public async Task<SolutionResults> ComputeAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var rows = await answerTimes.MonthlyAsync(from, to, cancellationToken);
        var cards = await knowledge.ComputeAsync(from, to, cancellationToken);
        var charts = new List<ResultChart>
        {
            new("sollicitations", "Questions posées aux partenaires", ResultUnit.Count, ChartKind.Bar,
            [
                new("Questions reçues par les partenaires", rows.Select(r => ResultValue.Count(r.Received)).ToList()),
                new("Questions répondues", rows.Select(r => ResultValue.Count(r.Replied)).ToList()),
            ], "Une question réorientée vers un autre partenaire compte pour chacun."),
            new("48h", "Réponses dans les 48 heures ouvrées", ResultUnit.Percent, ChartKind.Line,
            [
                new("Part des questions répondues dans les 48 heures ouvrées", rows.Select(r => ResultValue.Of(r.ShareWithin48Hours * 100, r.Judged)).ToList()),
            ]),
            new("delai", "Délai médian de la première réponse", ResultUnit.WorkingHours, ChartKind.Line,
            [
                new("Délai médian (heures ouvrées)", rows.Select(r => ResultValue.Of(r.MedianHoursToFirstReply, r.Replied)).ToList()),
            ]),
            new("utilite", "Réponses utiles", ResultUnit.Percent, ChartKind.Line,
            [
                new("Part des réponses jugées utiles par l'agent", rows.Select(r => ResultValue.Of(r.UsefulnessRate * 100, r.UsefulnessAnswers)).ToList()),
            ]),
            new("fiches", "Fiches de connaissance", ResultUnit.Count, ChartKind.Bar,
            [
                new("Fiches validées", cards.Select(c => ResultValue.Count(c.Validated)).ToList()),
                new("Demandes aidées par une fiche", cards.Select(c => ResultValue.Count(c.CasesHelped)).ToList()),
                new("Questions évitées", cards.Select(c => ResultValue.Count(c.QuestionsAvoided)).ToList()),
            ], "Question évitée : une fiche ouverte depuis une demande, close ensuite sans question à un partenaire."),
        };
        return new SolutionResults(Slug, Title,
            "Les partenaires (CAF, CPAM, France Travail, impôts…) répondent aux agents sous 48 heures ouvrées ; les réponses deviennent des fiches.",
            YearMonth.Range(from, to).ToList(), charts, []);
    }
}
