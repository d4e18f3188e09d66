using CarteBlanche.Network.Knowledge;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Network.Pages.Reseau.Fiches;

/// <summary>The knowledge base's figures, month by month over 12 months (<see cref="KnowledgeFigures"/>). No person is named.</summary>
[Authorize(Policy = Policies.Network)]
public sealed class ChiffresModel(CarteBlancheDbContext db, KnowledgeFigures figures, ParisClock clock) : PageModel
{
    public IReadOnlyList<KnowledgeMonth> Months { get; private set; } = [];
    public int ValidatedCards { get; private set; }
    public int OutdatedCards { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var thisMonth = YearMonth.Of(today);
        Months = await figures.ComputeAsync(thisMonth.AddMonths(-11), thisMonth, cancellationToken);
        ValidatedCards = await db.Set<KnowledgeCard>().CountAsync(c => c.Status == CardStatus.Validated, cancellationToken);
        OutdatedCards = await db.Set<KnowledgeCard>().CountAsync(c => c.Status == CardStatus.Validated && c.ReviewOn < today, cancellationToken);
    }
}
