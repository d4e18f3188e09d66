using System.Security.Cryptography;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Transit;

namespace CarteBlanche.Mobility.Networks;

/// <summary>
/// Imports a GTFS feed: validates it with the transit engine's reader; with a blocking error it is recorded as
/// rejected with its report, and the network in service does not change; otherwise it is put in service in one
/// transaction (the previous one marked replaced) and this instance searches on it at once. The zips of the last
/// <see cref="KeptZips"/> imports in service are kept (to load and publish the network, and go back if needed). The
/// timetables are public information: the import row says who sent it, the audit journal is not involved.
/// </summary>
public sealed class GtfsImporter(CarteBlancheDbContext db, MobilityNetwork networks, ParisClock clock)
{
    public const int KeptZips = 3;

    /// <summary>The SHA-256 of the import in service, to skip a fetched feed that did not change.</summary>
    public Task<string?> InServiceShaAsync(CancellationToken cancellationToken) =>
        db.Set<GtfsImport>().Where(i => i.Status == GtfsImportStatus.InService).Select(i => i.Sha256).FirstOrDefaultAsync(cancellationToken);

    public async Task<GtfsImport> ImportAsync(Stream zip, string source, Guid? importedBy, CancellationToken cancellationToken)
    {
        // Read in memory, not through a temporary file: a crash in the middle leaves nothing behind.
        byte[] bytes;
        using (var memory = new MemoryStream())
        {
            await zip.CopyToAsync(memory, cancellationToken);
            bytes = memory.ToArray();
        }
        var import = new GtfsImport
        {
            Source = source.Length > 500 ? source[..500] : source, ReceivedAt = clock.Now, ImportedBy = importedBy,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Bytes = bytes.LongLength, Report = "",
        };
        var report = new ValidationReport(Path.GetFileName(source));
        var network = NetworkInService.Read(bytes, Path.GetFileName(source), import.Id, report);
        if (network != null && network.Calendar.First > network.Calendar.Last)
        {
            report.Add(Severity.Fatal, "NoServiceDays", "calendar.txt", null, null, "Aucun jour de circulation : le calendrier est vide.");
            network = null;
        }
        import.Report = StoredReport.Of(report);
        import.Fatal = report.Total(Severity.Fatal);
        import.Errors = report.Total(Severity.Error);
        import.Warnings = report.Total(Severity.Warning);
        if (network == null)
        {
            import.Status = GtfsImportStatus.Rejected;
            db.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            return import;
        }
        var transit = network.Network;
        import.Status = GtfsImportStatus.InService;
        import.Stops = transit.StopIds.Length;
        import.Routes = transit.Routes.Length;
        import.Trips = transit.Trips.Length;
        (import.FirstDay, import.LastDay) = network.Calendar;

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Set<GtfsImport>().Where(i => i.Status == GtfsImportStatus.InService)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, GtfsImportStatus.Replaced), cancellationToken);
            db.Add(import);
            db.Add(new GtfsImportContent { ImportId = import.Id, Zip = bytes });
            await db.SaveChangesAsync(cancellationToken);
            // Older zips go; their history rows and reports stay.
            var kept = await db.Set<GtfsImport>().Where(i => i.Status != GtfsImportStatus.Rejected)
                .Select(i => new { i.Id, i.ReceivedAt }).ToListAsync(cancellationToken);
            var keep = kept.OrderByDescending(i => i.ReceivedAt).Take(KeptZips).Select(i => i.Id).Append(import.Id).ToList();
            await db.Set<GtfsImportContent>().Where(c => !keep.Contains(c.ImportId)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        networks.Use(network);
        return import;
    }
}
