using CarteBlanche.Mobility.Networks;
using CarteBlanche.Platform.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Mobility.Pages.Mobilite.Reseaux;

public sealed record ImportRow(Guid Id, string Source, DateTimeOffset ReceivedAt, string By, GtfsImportStatus Status, int Fatal, int Errors, int Warnings);

/// <summary>
/// The transit network's timetables: the import in service, sending a new GTFS zip, re-importing from the network's
/// open-data address now, and the history of imports with their validation reports. Coordinators and admins.
/// </summary>
[Authorize(Policy = Policies.TerritoryEditors)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class IndexModel(CarteBlancheDbContext db, GtfsImporter importer, GtfsRefreshJob refresh, IOptions<MobilityOptions> options) : PageModel
{
    public const long MaxBytes = 200L * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public GtfsImport? InService { get; private set; }
    public PagedList<ImportRow> Imports { get; private set; } = new([], 1, 1, 0);
    public string? FeedUrl => options.Value.GtfsUrl;
    public int RefreshHours => options.Value.GtfsRefreshHours;
    public string? Message { get; private set; }

    public string UrlFor(int page) => $"/mobilite/reseaux?p={page}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload == null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Fichier : choisissez le zip GTFS du réseau.");
        }
        else if (!Upload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), $"Fichier : « {Upload.FileName} » n'est pas un zip. Un jeu GTFS se transmet en .zip.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        await using var stream = Upload!.OpenReadStream();
        var import = await importer.ImportAsync(stream, Path.GetFileName(Upload.FileName), User.AccountId(), cancellationToken);
        return Redirect($"/mobilite/reseaux/{import.Id}");
    }

    public async Task<IActionResult> OnPostFetchAsync(CancellationToken cancellationToken)
    {
        if (FeedUrl == null)
        {
            return NotFound();
        }
        var (import, message) = await refresh.FetchAsync(FeedUrl, cancellationToken);
        if (import != null)
        {
            return Redirect($"/mobilite/reseaux/{import.Id}");
        }
        Message = message;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        InService = await db.Set<GtfsImport>().AsNoTracking().Where(i => i.Status == GtfsImportStatus.InService)
            .Select(i => new GtfsImport
            {
                Id = i.Id, Source = i.Source, ReceivedAt = i.ReceivedAt, Sha256 = i.Sha256, Report = "", Stops = i.Stops, Routes = i.Routes, Trips = i.Trips,
                FirstDay = i.FirstDay, LastDay = i.LastDay, Errors = i.Errors, Warnings = i.Warnings,
            }).FirstOrDefaultAsync(cancellationToken);
        var rows = await (from i in db.Set<GtfsImport>().AsNoTracking()
                          join a in db.Users on i.ImportedBy equals a.Id into sender
                          from a in sender.DefaultIfEmpty()
                          select new ImportRow(i.Id, i.Source, i.ReceivedAt, a == null ? "réimport programmé" : a.DisplayName, i.Status, i.Fatal, i.Errors, i.Warnings))
            .ToListAsync(cancellationToken);
        // SQLite cannot order by a DateTimeOffset: in memory (one row per feed received, a few a month).
        Imports = rows.OrderByDescending(r => r.ReceivedAt).ToList().ToPagedList(PageNumber);
    }
}
