using System.IO.Compression;
using System.Net;
using System.Text;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Mobility;
using CarteBlanche.Mobility.Networks;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace CarteBlanche.IntegrationTests.Mobility;

/// <summary>
/// The network's timetables as imports: sent from the page or fetched from the network's address, validated, put in
/// service at once (journeys use them), refused with their report when they have a blocking error — the previous
/// network staying in service — and kept in a history.
/// </summary>
public sealed class GtfsImportTests(JourneyPageApp app) : IClassFixture<JourneyPageApp>
{
    private readonly CarteBlancheFactory _factory = app.Factory;
    private static readonly string Feed = Path.Combine(AppContext.BaseDirectory, "Transit", "cahors");

    /// <summary>The test feed zipped, with some files replaced (null: left out).</summary>
    private static byte[] Zip(Dictionary<string, string?>? changes = null)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var path in Directory.GetFiles(Feed))
            {
                var name = Path.GetFileName(path);
                var text = changes != null && changes.TryGetValue(name, out var changed) ? changed : File.ReadAllText(path);
                if (text == null)
                {
                    continue;
                }
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return memory.ToArray();
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.ReadPageAsync());

    private static async Task<string> SendAsync(HttpClient client, byte[] zip, string fileName)
    {
        var page = await (await client.GetAsync("/mobilite/reseaux")).ReadPageAsync();
        using var content = new MultipartFormDataContent { { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        content.Add(new ByteArrayContent(zip), "Upload", fileName);
        using var sent = await client.PostAsync("/mobilite/reseaux", content);
        return await TextAsync(sent);
    }

    private Guid? InService()
    {
        using var scope = _factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>().Set<GtfsImport>()
            .Where(i => i.Status == GtfsImportStatus.InService).Select(i => (Guid?)i.Id).SingleOrDefault();
    }

    private const string Search = "/mobilite?de=Catus+(46150)&a=Cahors+H%C3%B4pital+Jean+Rougier&date=2026-12-08&sens=partir&heure=08:00";

    [Fact]
    public async Task A_coordinator_puts_a_new_timetable_in_service_journeys_use_it_at_once_and_the_history_keeps_each_import()
    {
        using var agent = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using (var refused = await agent.GetAsync("/mobilite/reseaux"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var coordinator = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var before = await TextAsync(await coordinator.GetAsync("/mobilite/reseaux"));
        Assert.Contains("Jeu de démonstration", before, StringComparison.Ordinal); // the demonstration feed is the first import

        var stops = File.ReadAllText(Path.Combine(Feed, "stops.txt")).Replace("Catus Place de la Libération", "Catus Place de la Mairie", StringComparison.Ordinal);
        var report = await SendAsync(coordinator, Zip(new() { ["stops.txt"] = stops }), "evidence-2027.zip");
        Assert.Contains("Rapport de validation", report, StringComparison.Ordinal);
        Assert.Contains("evidence-2027.zip", report, StringComparison.Ordinal);
        Assert.Contains("En service", report, StringComparison.Ordinal);
        Assert.Contains("horaires du 31/08/2026 au 04/07/2027", report, StringComparison.Ordinal);

        using var anyone = _factory.CreateClient();
        Assert.Contains("depuis Catus Place de la Mairie", await TextAsync(await anyone.GetAsync(Search)), StringComparison.Ordinal);

        var history = await TextAsync(await coordinator.GetAsync("/mobilite/reseaux"));
        Assert.Contains("Remplacé", history, StringComparison.Ordinal);
        Assert.Matches("evidence-2027\\.zip</td>\\s*<td>[^<]+</td>\\s*<td><span class=\"fr-badge fr-badge--sm fr-badge--success\">En service", history);
    }

    [Fact]
    public async Task A_feed_with_a_blocking_error_is_refused_with_its_report_and_the_network_in_service_stays()
    {
        using var coordinator = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var notZip = await SendAsync(coordinator, Encoding.UTF8.GetBytes("stop_id,stop_name\n"), "stops.txt");
        Assert.Contains("Fichier : « stops.txt » n'est pas un zip. Un jeu GTFS se transmet en .zip.", notZip, StringComparison.Ordinal);

        var inService = InService();
        var report = await SendAsync(coordinator, Zip(new() { ["stops.txt"] = null }), "sans-arrets.zip");
        Assert.Contains("Jeu de données refusé", report, StringComparison.Ordinal);
        Assert.Contains("Le fichier obligatoire stops.txt est absent.", report, StringComparison.Ordinal);
        Assert.Contains("Bloquant : 1", report, StringComparison.Ordinal);
        Assert.Equal(inService, InService());

        var broken = await SendAsync(coordinator, [0x50, 0x4b, 0x03, 0x04, 1, 2, 3], "tronque.zip");
        Assert.Contains("Archive zip illisible ou tronquée", broken, StringComparison.Ordinal);
        Assert.Equal(inService, InService());

        using var anyone = _factory.CreateClient();
        Assert.Contains("Transport à la demande TAD (Évidence — Grand Cahors) à 11 h 15", await TextAsync(await anyone.GetAsync(Search)), StringComparison.Ordinal);
        Assert.Contains("Refusé", await TextAsync(await coordinator.GetAsync("/mobilite/reseaux")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scheduled_reimport_imports_a_changed_feed_once_and_keeps_the_network_when_the_address_fails()
    {
        var zip = Zip();
        var web = WebApplication.CreateSlimBuilder().Build();
        web.Urls.Add("http://127.0.0.1:0");
        web.MapGet("/gtfs.zip", () => Results.Bytes(zip, "application/zip"));
        var big = new byte[3 * 1024 * 1024];
        web.MapGet("/gros.zip", () => Results.Bytes(big, "application/zip"));
        web.MapGet("/gros-sans-taille.zip", async (HttpContext context) =>
        {
            // Chunked: no Content-Length.
            context.Response.ContentType = "application/zip";
            for (var i = 0; i < 3; i++)
            {
                await context.Response.Body.WriteAsync(big.AsMemory(0, 1024 * 1024));
                await context.Response.Body.FlushAsync();
            }
        });
        await web.StartAsync();
        try
        {
            var address = web.Urls.First();
            using var scope = _factory.Services.CreateScope();
            var job = scope.ServiceProvider.GetRequiredService<GtfsRefreshJob>();

            var (import, message) = await job.FetchAsync($"{address}/gtfs.zip", CancellationToken.None);
            Assert.Null(message);
            Assert.Equal(GtfsImportStatus.InService, import!.Status);
            Assert.Null(import.ImportedBy);
            Assert.Equal(import.Id, InService());

            (import, message) = await job.FetchAsync($"{address}/gtfs.zip", CancellationToken.None);
            Assert.Null(import);
            Assert.Equal("Le jeu de données publié n'a pas changé depuis l'import en service.", message);

            var inService = InService();
            (import, message) = await job.FetchAsync($"{address}/ailleurs.zip", CancellationToken.None);
            Assert.Null(import);
            Assert.Equal($"Le jeu de données n'a pas pu être téléchargé depuis {address}/ailleurs.zip (réponse 404) : le réseau en service ne change pas.", message);
            Assert.Equal(inService, InService());

            // A feed larger than the cap is not downloaded whole, whether the server says its size or not.
            var small = new GtfsRefreshJob(scope.ServiceProvider.GetRequiredService<GtfsImporter>(), scope.ServiceProvider.GetRequiredService<IHttpClientFactory>(),
                Options.Create(new MobilityOptions { GtfsMaxMegabytes = 1 }), NullLogger<GtfsRefreshJob>.Instance);
            foreach (var path in new[] { "gros.zip", "gros-sans-taille.zip" })
            {
                (import, message) = await small.FetchAsync($"{address}/{path}", CancellationToken.None);
                Assert.Null(import);
                Assert.Equal($"Le jeu de données publié à {address}/{path} dépasse 1 Mo : il n'est pas importé, le réseau en service ne change pas.", message);
            }
            Assert.Equal(inService, InService());
        }
        finally
        {
            await web.StopAsync();
            await ((IAsyncDisposable)web).DisposeAsync();
        }
    }
}
