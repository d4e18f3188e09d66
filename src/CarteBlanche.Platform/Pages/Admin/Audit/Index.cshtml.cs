using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Platform.Pages.Admin.Audit;

public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string? Actor, string? Organisation, string Action, string? RecordType, string? RecordId, string? Purpose, string? ClientAddress);

/// <summary>Search the journal: who did what to which record, when. Newest first.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(CarteBlancheDbContext db, AuditVerifier verifier, IAuditLog auditLog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Evenement { get; set; }
    [BindProperty(SupportsGet = true)] public string? Compte { get; set; }
    [BindProperty(SupportsGet = true)] public string? Enregistrement { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<AuditRow> Entries { get; private set; } = new([], 1, 1, 0);
    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await SearchAsync(cancellationToken);

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await verifier.VerifyAsync(cancellationToken);
        await auditLog.RecordAsync(new AuditEvent("audit.verify", Verification.IsIntact ? null : "AuditEntry", Verification.FirstBrokenSequence?.ToString(System.Globalization.CultureInfo.InvariantCulture), Verification.IsIntact ? AuditPurpose.AuditIntact : AuditPurpose.AuditBroken), cancellationToken);
        await SearchAsync(cancellationToken);
    }

    private async Task SearchAsync(CancellationToken cancellationToken)
    {
        if (Du != null && Au != null && Au < Du)
        {
            ModelState.AddModelError(nameof(Au), "La date de fin est antérieure à la date de début.");
        }
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Evenement))
        {
            var action = Evenement.Trim().ToLowerInvariant(); // actions are lower-case; LIKE is case-sensitive on PostgreSQL only
            query = query.Where(e => e.Action.StartsWith(action));
        }
        if (!string.IsNullOrWhiteSpace(Enregistrement))
        {
            var record = Enregistrement.Trim();
            query = query.Where(e => e.RecordId == record);
        }
        if (!string.IsNullOrWhiteSpace(Compte))
        {
            var email = Compte.Trim().ToUpperInvariant();
            var ids = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).ToListAsync(cancellationToken);
            query = query.Where(e => ids.Contains(e.ActorId));
        }
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        if (Du != null)
        {
            var from = new DateTimeOffset(Du.Value.ToDateTime(TimeOnly.MinValue), paris.GetUtcOffset(Du.Value.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
            query = query.Where(e => e.OccurredAt >= from);
        }
        if (Au != null)
        {
            var endDay = Au.Value.AddDays(1).ToDateTime(TimeOnly.MinValue);
            var to = new DateTimeOffset(endDay, paris.GetUtcOffset(endDay)).ToUniversalTime();
            query = query.Where(e => e.OccurredAt < to);
        }
        Entries = await query.OrderByDescending(e => e.Sequence)
            .Select(e => new AuditRow(e.Sequence, e.OccurredAt,
                db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Organisations.Where(o => o.Id == e.ActorOrganisationId).Select(o => o.ShortName ?? o.Name).FirstOrDefault(),
                e.Action, e.RecordType, e.RecordId, e.Purpose, e.ClientAddress))
            .ToPagedListAsync(PageNumber, cancellationToken, pageSize: 50);
    }

    public string UrlFor(int page) => Url.Page("Index", new { evenement = Evenement, compte = Compte, enregistrement = Enregistrement, du = Du?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), au = Au?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p = page })!;
}
