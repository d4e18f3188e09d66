using CarteBlanche.Mobility.Networks;
using CarteBlanche.Transit;

namespace CarteBlanche.Mobility.Pages.Mobilite.Reseaux;

/// <summary>The validation report of one GTFS import, as a page: what was found, where (file, line, object), in French; and its zip.</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class RapportModel(CarteBlancheDbContext db) : PageModel
{
    public static readonly Severity[] Severities = [Severity.Fatal, Severity.Error, Severity.Warning, Severity.Information];

    public GtfsImport Import { get; private set; } = default!;
    public StoredReport Report { get; private set; } = new(new Dictionary<string, int>(), []);
    public bool HasZip { get; private set; }

    /// <summary>How many issues of a severity were found, listed or not.</summary>
    public int Total(Severity severity) => severity switch
    {
        Severity.Fatal => Import.Fatal,
        Severity.Error => Import.Errors,
        Severity.Warning => Import.Warnings,
        _ => Report.Issues.Count(i => i.Severity == Severity.Information),
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var import = await db.Set<GtfsImport>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import == null)
        {
            return NotFound();
        }
        Import = import;
        Report = import.ReadReport();
        HasZip = await db.Set<GtfsImportContent>().AnyAsync(c => c.ImportId == id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetZipAsync(Guid id, CancellationToken cancellationToken)
    {
        var zip = await db.Set<GtfsImportContent>().AsNoTracking().Where(c => c.ImportId == id).Select(c => c.Zip).SingleOrDefaultAsync(cancellationToken);
        return zip == null ? NotFound() : File(zip, "application/zip", $"gtfs-{id:N}.zip");
    }
}
