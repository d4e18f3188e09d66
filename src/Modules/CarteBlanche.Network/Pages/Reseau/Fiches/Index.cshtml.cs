using CarteBlanche.Network.Knowledge;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Network.Pages.Reseau.Fiches;

public sealed record CardRow(Guid Id, string Title, string DomainLabel, string? Procedure, string Organisation, bool Outdated, int Useful);

/// <summary>
/// The knowledge cards: a French search (every word of the query, in any of its forms: « allocations familiales »
/// finds « allocation familiale »), a domain filter, the newest first; outdated cards are marked. A lead referent also
/// sees the cards waiting for their validation, an agent the ones they proposed.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class IndexModel(CarteBlancheDbContext db, ParisClock clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "domaine")] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>The case the search comes from: carried to the cards opened, for the figures.</summary>
    [BindProperty(SupportsGet = true, Name = "demande")] public Guid? CaseId { get; set; }
    public string CaseSuffix => CaseId is { } c ? $"?demande={c:D}" : "";

    public IReadOnlyList<CardRow> Cards { get; private set; } = [];
    public IReadOnlyList<CardRow> Waiting { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> Domains { get; private set; } = [];
    public int Total { get; private set; }

    public PaginationModel Pagination => new(PageNumber, (Total + PageSize - 1) / PageSize,
        page => $"/reseau/fiches?q={Uri.EscapeDataString(Search ?? "")}&domaine={Uri.EscapeDataString(Domain ?? "")}&p={page}{(CaseId is { } c ? $"&demande={c:D}" : "")}");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var cards = db.Set<KnowledgeCard>().AsNoTracking().Where(c => c.Status == CardStatus.Validated);
        Domains = (await cards.Select(c => new { c.Domain, c.DomainLabel }).Distinct().ToListAsync(cancellationToken))
            .OrderBy(d => d.DomainLabel, StringComparer.Create(FrenchFormat.Culture, true)).Select(d => (d.Domain, d.DomainLabel)).ToList();
        if (!string.IsNullOrWhiteSpace(Domain))
        {
            cards = cards.Where(c => c.Domain == Domain);
        }
        cards = FrenchSearch.Matching(cards, Search, db.Database.IsNpgsql());
        Total = await cards.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Cards = await RowsAsync(cards.OrderByDescending(c => c.UsefulVotes).ThenByDescending(c => c.ValidatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize), today, cancellationToken);

        var account = User.AccountId();
        var organisation = NetworkAccess.OrganisationOf(User);
        var lead = organisation is { } own && await KnowledgeAccess.IsLeadReferentAsync(db, User, own, cancellationToken);
        var waiting = db.Set<KnowledgeCard>().AsNoTracking().Where(c => c.Status == CardStatus.Proposed && (c.ProposedBy == account || (lead && c.OrganisationId == organisation)));
        Waiting = await RowsAsync(waiting.OrderBy(c => c.ProposedAt).Take(50), today, cancellationToken);
    }

    private async Task<IReadOnlyList<CardRow>> RowsAsync(IQueryable<KnowledgeCard> cards, DateOnly today, CancellationToken cancellationToken) =>
        await cards.Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new CardRow(c.Id, c.Title, c.DomainLabel, c.Procedure, o.Name, c.ReviewOn < today, c.UsefulVotes))
            .ToListAsync(cancellationToken);
}
