using CarteBlanche.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace CarteBlanche.IntegrationTests.Mobility;

/// <summary>The app on Monday 7 December 2026: the demonstration timetables run from 31 August 2026 to 4 July 2027.</summary>
public sealed class JourneyPageApp : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    public JourneyPageApp()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        // An emission factor for the test only (the product has none by default): the figures multiply by it.
        var settings = new Dictionary<string, string> { ["Mobility:Co2KilogramsPerKilometre"] = "0.2", ["Mobility:Co2Source"] = "facteur d'essai, 2026" };
        Factory = new CarteBlancheFactory(_database, settings: settings, configureServices: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });
    }

    public CarteBlancheFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        _database.Dispose();
    }
}

/// <summary>The public journey search, without an account.</summary>
public sealed class JourneyPageTests(JourneyPageApp app) : IClassFixture<JourneyPageApp>
{
    private readonly CarteBlancheFactory _factory = app.Factory;

    [Fact]
    public async Task Anyone_finds_the_on_demand_line_from_catus_to_the_hospital_with_its_booking_phone()
    {
        using var client = _factory.CreateClient();
        using var form = await client.GetAsync("/mobilite");
        var empty = await form.ReadPageAsync();
        Assert.Contains("Trouver un trajet", empty, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Catus (46150)\">", empty, StringComparison.Ordinal); // communes, places and stops suggested
        Assert.Contains("<option value=\"Cahors Hôpital Jean Rougier\">", empty, StringComparison.Ordinal);

        using var found = await client.GetAsync("/mobilite?de=Catus+(46150)&a=Cahors+H%C3%B4pital+Jean+Rougier&date=2026-12-08&sens=partir&heure=08:00");
        var page = await found.ReadPageAsync();
        Assert.Contains("De Catus à Cahors Hôpital Jean Rougier", page, StringComparison.Ordinal);
        Assert.Contains("Transport à la demande TAD (Évidence — Grand Cahors) à 11 h 15 depuis Catus Place de la Libération", page, StringComparison.Ordinal);
        Assert.Contains("appelez le 05 65 35 04 32 au plus tard lundi 7 décembre à 17 h.", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal); // the offer's rule: the day before, by 17 h
        Assert.Contains("Sur réservation", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concots_without_a_stop_a_day_already_past_and_an_unknown_place_get_french_messages()
    {
        using var client = _factory.CreateClient();
        var none = await (await client.GetAsync("/mobilite?de=Concots&a=Cahors&date=2026-12-08&heure=08:00")).ReadPageAsync();
        Assert.Contains("Aucun arrêt de car ou de bus à moins de 1 km de Concots : le plus proche, Saint-Géry Bourg, est à 9,9 km.", none, StringComparison.Ordinal);
        Assert.Contains("covoiturage solidaire", none, StringComparison.Ordinal);

        var wrong = await (await client.GetAsync("/mobilite?de=Atlantide&a=Cahors&date=2026-12-01&heure=8h")).ReadPageAsync();
        Assert.Contains("Départ : « Atlantide » n'est ni une commune du territoire, ni un arrêt, ni un lieu connu : choisissez dans la liste.", wrong, StringComparison.Ordinal);
        Assert.Contains("Date : ce jour est passé, choisissez aujourd'hui ou un jour à venir.", wrong, StringComparison.Ordinal);
        Assert.Contains("Heure : indiquez une heure (hh:mm), par exemple 08:30.", wrong, StringComparison.Ordinal);
    }
}
