using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Xunit;

namespace CarteBlanche.IntegrationTests.Mobility;

/// <summary>The catalogue of offers besides the timetabled lines: public, by commune, as open data; kept by coordinators.</summary>
public sealed class OfferTests(JourneyPageApp app) : IClassFixture<JourneyPageApp>
{
    private readonly CarteBlancheFactory _factory = app.Factory;

    private static async Task<string> TextAsync(HttpResponseMessage response) => System.Net.WebUtility.HtmlDecode(await response.ReadPageAsync());

    [Fact]
    public async Task Anyone_sees_the_offers_that_serve_their_commune_and_downloads_them()
    {
        using var client = _factory.CreateClient();
        var all = await TextAsync(await client.GetAsync("/mobilite/offres"));
        Assert.Contains("Transport à la demande Catus – Lherm (démonstration)", all, StringComparison.Ordinal);
        Assert.Contains("Réservation : par téléphone, la veille avant 17 h, au 05 65 35 04 32", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter une offre", all, StringComparison.Ordinal);

        var concots = await TextAsync(await client.GetAsync("/mobilite/offres?commune=Concots"));
        Assert.DoesNotContain("Transport à la demande Catus – Lherm", concots, StringComparison.Ordinal); // its zone is Catus, Saint-Denis-Catus, Lherm
        Assert.Contains("Covoiturage solidaire (démonstration)", concots, StringComparison.Ordinal);
        Assert.Contains("Transport à la demande Catus – Lherm", await TextAsync(await client.GetAsync("/mobilite/offres?commune=Catus")), StringComparison.Ordinal);

        var csv = await (await client.GetAsync("/mobilite/offres?handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("OnDemand;Transport à la demande Catus – Lherm (démonstration);Évidence — Grand Cahors;46064,46264,46156;", csv, StringComparison.Ordinal);
        Assert.Contains(";EVITAD;la veille avant 17 h;mardi et vendredi;09:00;17:00", csv, StringComparison.Ordinal);

        // The network as open data, with the on-demand services as GTFS-Flex.
        using var gtfs = await client.GetAsync("/mobilite/offres?handler=Gtfs");
        Assert.Equal("application/zip", gtfs.Content.Headers.ContentType?.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await gtfs.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.Name == "stops.txt");
        var rules = new StreamReader(zip.GetEntry("booking_rules.txt")!.Open()).ReadToEnd();
        Assert.Contains(",2,,1,17:00:00,Réservation la veille avant 17 h au 05 65 35 04 32.,05 65 35 04 32,", rules, StringComparison.Ordinal);
        var zones = new StreamReader(zip.GetEntry("location_groups.txt")!.Open()).ReadToEnd();
        Assert.Contains("Transport à la demande du marché de Lalbenque (démonstration)", zones, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_rule_that_cannot_be_read_gets_french_messages()
    {
        using var coordinator = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        KeyValuePair<string, string> F(string key, string value) => new(key, value);
        var wrong = await TextAsync(await Html.PostFormAsync(coordinator, "/mobilite/offres/modifier",
        [
            F("Form.Kind", "OnDemand"), F("Form.Name", "TAD incomplet"), F("Form.Operator", "Mairie"), F("Form.RouteId", "LIGNE-INCONNUE"),
            F("Form.NoticeDays", "1"), F("Form.NoticeMinutes", "60"), F("Form.ServiceStart", "12:00"), F("Form.ServiceEnd", "08:00"),
        ]));
        Assert.Contains("Ligne du réseau : « LIGNE-INCONNUE » n'est pas une ligne du réseau en service. Choisissez dans la liste.", wrong, StringComparison.Ordinal);
        Assert.Contains("Délai de réservation : indiquez soit des jours avant avec une heure limite, soit des minutes avant le départ, pas les deux.", wrong, StringComparison.Ordinal);
        Assert.Contains("Heure limite : indiquez jusqu'à quelle heure on peut réserver (par exemple 17:00).", wrong, StringComparison.Ordinal);
        Assert.Contains("Jusqu'à : l'heure de fin doit suivre l'heure de début.", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("TAD incomplet", await TextAsync(await coordinator.GetAsync("/mobilite/offres")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_adds_an_offer_with_its_communes_checked_and_withdraws_it()
    {
        using var anonymous = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var refused = await anonymous.GetAsync("/mobilite/offres/modifier"))
        {
            Assert.NotEqual(System.Net.HttpStatusCode.OK, refused.StatusCode);
        }
        using var coordinator = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var name = "Conducteurs bénévoles de Lalbenque " + Guid.NewGuid().ToString("N")[..4];
        KeyValuePair<string, string> F(string key, string value) => new(key, value);
        var wrong = await TextAsync(await Html.PostFormAsync(coordinator, "/mobilite/offres/modifier",
            [F("Form.Kind", "VolunteerDrivers"), F("Form.Name", name), F("Form.Operator", "Mairie de Lalbenque"), F("Form.Communes", "46148, 99999")]));
        Assert.Contains("Communes : « 99999 » n'est pas un code INSEE de commune du territoire.", wrong, StringComparison.Ordinal);
        using (var saved = await Html.PostFormAsync(coordinator, "/mobilite/offres/modifier",
            [F("Form.Kind", "VolunteerDrivers"), F("Form.Name", name), F("Form.Operator", "Mairie de Lalbenque"), F("Form.Communes", ""), F("Form.Phone", "05 65 31 00 00")]))
        {
            Assert.Contains(name, await TextAsync(saved), StringComparison.Ordinal);
        }
        var list = await TextAsync(await coordinator.GetAsync("/mobilite/offres"));
        var id = System.Text.RegularExpressions.Regex.Match(list, "/mobilite/offres/modifier/([0-9a-f-]{36})\">Modifier « " + System.Text.RegularExpressions.Regex.Escape(name)).Groups[1].Value;
        Assert.NotEmpty(id);
        using (await Html.PostFormAsync(coordinator, $"/mobilite/offres/modifier/{id}", [], $"/mobilite/offres/modifier/{id}?handler=Withdraw")) { }
        Assert.DoesNotContain(name, await TextAsync(await coordinator.GetAsync("/mobilite/offres")), StringComparison.Ordinal);
    }
}
