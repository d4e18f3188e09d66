using CarteBlanche.Network.Partners;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Network.Pages.Reseau.Sollicitations;

public sealed record QuestionRow(Guid Id, string CaseReference, string Organisation, string Site, string DomainLabel, QuestionState State, DateTimeOffset SentAt, DateTimeOffset DueAt, string? TakenBy)
{
    public string Reference => PartnerQuestion.ReferenceOf(Id);
    public bool AwaitsPartner => State is QuestionState.Sent or QuestionState.Taken;
}

/// <summary>
/// The questions one has to deal with: a referent sees those addressed to their organisation; an agent those of
/// their site's cases; a coordinator those to re-route (no personal data in this list).
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class IndexModel(CarteBlancheDbContext db, QuestionWorkflow workflow, NetworkAccess access, FrenchBusinessCalendar calendar, TimeProvider timeProvider) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "vue")] public string View { get; set; } = "a-traiter";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<QuestionRow> Questions { get; private set; } = new([], 1, 1, 0);
    public DateTimeOffset Now { get; private set; }
    public bool IsReferent => NetworkAccess.IsReferent(User);
    public bool IsDeskUser => NetworkAccess.IsDeskUser(User);
    public bool IsCoordinator => NetworkAccess.IsCoordinator(User);
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public string UrlFor(int page) => $"?vue={View}&p={page}";

    public TimeSpan LeftFor(QuestionRow row) => QuestionDeadline.Left(calendar, row.DueAt, Now);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = timeProvider.GetUtcNow();
        var query = db.Set<PartnerQuestion>().AsNoTracking();
        if (IsReferent)
        {
            var organisation = NetworkAccess.OrganisationOf(User);
            var me = Actor.Of(User).Id;
            query = query.Where(q => q.OrganisationId == organisation);
            query = View switch
            {
                "mes-sollicitations" => query.Where(q => q.Rounds.Any(r => r.Number == q.Round && r.TakenByAccountId == me) && q.State != QuestionState.Closed),
                "toutes" => query,
                _ => query.Where(q => q.State == QuestionState.Sent || q.State == QuestionState.Taken),
            };
        }
        else if (IsDeskUser)
        {
            var site = NetworkAccess.SiteOf(User);
            query = query.Where(q => q.SiteId == site);
            query = View switch
            {
                "toutes" => query,
                _ => query.Where(q => q.State != QuestionState.Closed),
            };
        }
        else
        {
            View = "a-reorienter";
            query = query.Where(q => q.State == QuestionState.NotRightPartner);
            Organisations = (await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
                .Select(o => (o.Id, o.Name)).ToList();
        }
        var rows = from q in query
                   join r in db.Set<QuestionRound>() on new { QuestionId = q.Id, Number = q.Round } equals new { r.QuestionId, r.Number }
                   join o in db.Organisations on q.OrganisationId equals o.Id
                   join s in db.Places on q.SiteId equals s.Id
                   join u in db.Users on r.TakenByAccountId equals u.Id into taken
                   from u in taken.DefaultIfEmpty()
                   join k in db.Set<ApiKey>() on r.TakenByApiKeyId equals k.Id into tools
                   from k in tools.DefaultIfEmpty()
                   orderby r.DueAt
                   select new QuestionRow(q.Id, q.CaseReference, o.Name, s.Name, q.DomainLabel, q.State, q.SentAt, r.DueAt,
                       u != null ? u.DisplayName : k != null ? "Outil de l'organisme (" + k.Name + ")" : null);
        Questions = await rows.ToPagedListAsync(PageNumber, cancellationToken);
    }

    /// <summary>
    /// A coordinator re-routes a question its organisation declared not for it: only such a question, and only one the
    /// coordinator may read (<see cref="NetworkAccess.RoleAsync"/>); any other is refused and the refusal journaled.
    /// </summary>
    public async Task<IActionResult> OnPostRerouteAsync(Guid questionId, Guid? organisationId, CancellationToken cancellationToken)
    {
        if (!IsCoordinator)
        {
            return Forbid();
        }
        var question = await db.Set<PartnerQuestion>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == questionId, cancellationToken);
        if (question == null)
        {
            return NotFound();
        }
        if (question.State != QuestionState.NotRightPartner || await access.RoleAsync(User, question, cancellationToken) == QuestionRole.None)
        {
            await access.RecordRefusalAsync(questionId, cancellationToken);
            return Forbid();
        }
        var result = await workflow.RerouteAsync(questionId, null, Actor.Of(User), organisationId, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Succes"] = "Sollicitation réorientée : le nouvel organisme a 48 heures ouvrées pour répondre.";
        }
        else
        {
            TempData["Erreur"] = result.Error;
        }
        return Redirect("/reseau/sollicitations");
    }
}
