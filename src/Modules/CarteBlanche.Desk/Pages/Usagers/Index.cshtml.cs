using System.Globalization;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Desk.Pages.Usagers;

public sealed record ResidentRow(Guid Id, string FirstName, string LastName, DateOnly BirthDate, string? Phone, string? Commune);

/// <summary>Find a resident of the site by name (accents and case ignored), birth date or phone.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class IndexModel(CarteBlancheDbContext db, IAuditLog auditLog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Nom { get; set; }
    [BindProperty(SupportsGet = true)] public string? Naissance { get; set; }
    [BindProperty(SupportsGet = true)] public string? Telephone { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public bool Searched => !string.IsNullOrWhiteSpace(Nom) || !string.IsNullOrWhiteSpace(Naissance) || !string.IsNullOrWhiteSpace(Telephone);
    public PagedList<ResidentRow> Residents { get; private set; } = new([], 1, 1, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Searched)
        {
            return;
        }
        var siteId = DeskAccess.SiteOf(User);
        var query = ResidentAccess.VisibleAt(db, siteId).AsNoTracking();
        var folded = SearchText.Fold(Nom);
        if (folded.Length > 0)
        {
            foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                query = query.Where(r => r.SearchName.Contains(word));
            }
        }
        if (!string.IsNullOrWhiteSpace(Naissance))
        {
            if (DateOnly.TryParseExact(Naissance.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            {
                query = query.Where(r => r.BirthDate == birth);
            }
            else
            {
                ModelState.AddModelError(nameof(Naissance), "Date de naissance illisible : saisissez-la au format jj/mm/aaaa.");
                return;
            }
        }
        var digits = new string((Telephone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length > 0)
        {
            query = query.Where(r => r.PhoneDigits != null && r.PhoneDigits.Contains(digits));
        }
        Residents = await query.OrderBy(r => r.SearchName)
            .Select(r => new ResidentRow(r.Id, r.FirstName, r.LastName, r.BirthDate, r.Phone,
                db.Communes.Where(c => c.InseeCode == r.CommuneInseeCode).Select(c => c.Name).FirstOrDefault()))
            .ToPagedListAsync(PageNumber, cancellationToken);
        // The query text is personal data: only the fact of searching and the count are journaled.
        await auditLog.RecordAsync(new AuditEvent("resident.search", "Resident", null, AuditPurpose.ResidentSearch), cancellationToken);
    }

    public string UrlFor(int page) => Url.Page("Index", new { nom = Nom, naissance = Naissance, telephone = Telephone, p = page })!;
}
