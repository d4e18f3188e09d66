using CarteBlanche.Platform.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Mobility.Networks;

/// <summary>
/// The scheduled re-import: every <see cref="MobilityOptions.GtfsRefreshHours"/> hours, fetches the feed at
/// <see cref="MobilityOptions.GtfsUrl"/> (the network's open-data address) and imports it when it changed. A feed
/// that cannot be fetched or has a blocking error leaves the network in service as it is (a rejected import, with its
/// report, says so on the networks' page).
/// </summary>
public sealed partial class GtfsRefreshJob(GtfsImporter importer, IHttpClientFactory http, IOptions<MobilityOptions> options, ILogger<GtfsRefreshJob> logger) : IRecurringJob
{
    public const string HttpClientName = "gtfs";

    /// <summary>The largest feed fetched (<see cref="MobilityOptions.GtfsMaxMegabytes"/>): a wrong address must not fill the memory.</summary>
    private long MaxBytes => options.Value.GtfsMaxMegabytes * 1024L * 1024;

    private string TooBig(string url) =>
        $"Le jeu de données publié à {url} dépasse {options.Value.GtfsMaxMegabytes} Mo : il n'est pas importé, le réseau en service ne change pas.";

    public string Name => "mobility.gtfs-refresh";
    public TimeSpan Interval => TimeSpan.FromHours(options.Value.GtfsRefreshHours);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.GtfsUrl is not { Length: > 0 } url)
        {
            return;
        }
        var result = await FetchAsync(url, cancellationToken);
        if (result.Import is { } import)
        {
            LogImported(logger, import.Status, import.Fatal, import.Errors);
        }
        else if (result.Message is { } message)
        {
            LogNotImported(logger, message);
        }
    }

    /// <summary>Fetches the feed and imports it unless it is the one in service; the import, or a French message saying why there is none.</summary>
    public async Task<(GtfsImport? Import, string? Message)> FetchAsync(string url, CancellationToken cancellationToken)
    {
        byte[] zip;
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                return (null, TooBig(url));
            }
            // Read up to one byte past the cap: a server that does not say the size is stopped there.
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes)
                {
                    return (null, TooBig(url));
                }
            }
            zip = buffer.ToArray();
        }
        catch (HttpRequestException ex)
        {
            return (null, $"Le jeu de données n'a pas pu être téléchargé depuis {url} ({(ex.StatusCode is { } code ? $"réponse {(int)code}" : "serveur injoignable")}) : le réseau en service ne change pas.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"Le téléchargement depuis {url} a pris trop de temps : le réseau en service ne change pas.");
        }
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(zip));
        if (sha == await importer.InServiceShaAsync(cancellationToken))
        {
            return (null, "Le jeu de données publié n'a pas changé depuis l'import en service.");
        }
        using var stream = new MemoryStream(zip, writable: false);
        return (await importer.ImportAsync(stream, url, null, cancellationToken), null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Réimport GTFS programmé : {Status}, {Fatal} erreur(s) bloquante(s), {Errors} erreur(s)")]
    private static partial void LogImported(ILogger logger, GtfsImportStatus status, int fatal, int errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Réimport GTFS programmé : {Message}")]
    private static partial void LogNotImported(ILogger logger, string message);
}
