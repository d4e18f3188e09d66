using System.IO.Compression;
using CarteBlanche.Mobility.Offers;
using CarteBlanche.Platform.Web;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Mobility.Networks;

/// <summary>The open-data feed: the network in service (its import's zip, or the feed of the configuration) with the on-demand offers as GTFS-Flex.</summary>
public sealed class GtfsPublication(CarteBlancheDbContext db, MobilityNetwork networks, IOptions<AppOptions> app)
{
    /// <summary>The zip to publish; null when no network is in service.</summary>
    public async Task<byte[]?> BuildAsync(CancellationToken cancellationToken)
    {
        if (await networks.CurrentAsync(cancellationToken) is not { } current)
        {
            return null;
        }
        byte[]? source = null;
        if (current.ImportId is { } id)
        {
            source = await db.Set<GtfsImportContent>().AsNoTracking().Where(c => c.ImportId == id).Select(c => c.Zip).SingleOrDefaultAsync(cancellationToken);
        }
        source ??= Zip(networks.ConfiguredPath);
        var offers = await db.Set<MobilityOffer>().AsNoTracking().Where(o => o.IsActive).ToListAsync(cancellationToken);
        var communes = await db.Communes.AsNoTracking().Select(c => new ZoneCommune(c.InseeCode, c.Name, c.Latitude, c.Longitude)).ToDictionaryAsync(c => c.InseeCode, cancellationToken);
        var baseUrl = string.IsNullOrWhiteSpace(app.Value.PublicUrl) ? "http://localhost:5080" : app.Value.PublicUrl.TrimEnd('/');
        return GtfsFlexExport.Build(source, offers, communes, $"{baseUrl}/mobilite/offres", current.Calendar);
    }

    /// <summary>A feed as a zip: the file itself, or the folder zipped.</summary>
    public static byte[] Zip(string path)
    {
        if (!Directory.Exists(path))
        {
            return File.ReadAllBytes(path);
        }
        using var zip = new MemoryStream();
        ZipFile.CreateFromDirectory(path, zip);
        return zip.ToArray();
    }
}
