using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace CarteBlanche.BrowserTests;

/// <summary>A resident without a car finds how to reach the hospital from Catus, from the home page, on a phone.</summary>
public sealed class MobilityWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_resident_finds_the_on_demand_line_from_catus_to_the_hospital_and_can_print_it()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Trouver un trajet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trouver un trajet");
        // Next Tuesday: the on-demand minibus runs on Tuesdays and Fridays (the demonstration timetables end on 4 July 2027).
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));
        var days = ((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7;
        var tuesday = today.AddDays(days == 0 ? 7 : days);
        await page.GetByLabel("Départ").FillAsync("Catus (46150)");
        await page.GetByLabel("Arrivée").FillAsync("Cahors Hôpital Jean Rougier");
        await page.GetByLabel("Jour").FillAsync(tuesday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Heure", new() { Exact = true }).FillAsync("08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher un trajet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "De Catus à Cahors Hôpital Jean Rougier" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Transport à la demande TAD").First).ToBeVisibleAsync();
        await Expect(page.GetByText("appelez le 05 65 35 04 32").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimer ce trajet" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "trajet trouvé");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        session.AssertCleanConsole();
    }

    [Fact]
    public async Task A_resident_of_concots_without_a_bus_asks_online_for_a_carpool_there_and_back()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(375, 800);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));
        var days = ((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7;
        var tuesday = today.AddDays(days == 0 ? 7 : days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Trouver un trajet" }).ClickAsync();
        await page.GetByLabel("Départ").FillAsync("Concots (46260)");
        await page.GetByLabel("Arrivée").FillAsync("Cahors Hôpital Jean Rougier");
        await page.GetByLabel("Jour").FillAsync(tuesday);
        await page.Locator("label[for='sens-arriver']").ClickAsync();
        await page.GetByLabel("Heure", new() { Exact = true }).FillAsync("09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher un trajet" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "demandez un covoiturage solidaire en ligne" }).ClickAsync();

        // The form comes with the search's trip; the person adds who they are and when they come back.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demander un covoiturage solidaire");
        await Expect(page.GetByLabel("Commune de départ")).ToHaveValueAsync("Concots (46260)");
        await Expect(page.GetByLabel("Jour")).ToHaveValueAsync(tuesday);
        await page.GetByLabel("Prénom").FillAsync("Rose");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Cayla");
        await page.GetByLabel("Heure du retour").FillAsync("16:45");
        await page.Locator("label[for='Form_Consent']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Expect(page.GetByText("Téléphone : indiquez un numéro où l'opérateur du covoiturage peut vous rappeler.").First).ToBeVisibleAsync();
        await page.GetByLabel("Téléphone").FillAsync("05 65 21 00 04");
        await Expect(page.GetByLabel("Heure du retour")).ToHaveValueAsync("16:45"); // what was typed stays
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Votre demande est enregistrée" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "demande de covoiturage envoyée");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        session.AssertCleanConsole();
    }
}

/// <summary>Issue 16's walk: a helper finds a carpool driver for a person of Concots, the operator records the ride, another need stays unmet on the map.</summary>
public sealed class HelperWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_helper_finds_a_driver_for_concots_the_operator_records_the_ride_and_an_unmet_need_shows_on_the_map()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("helper@demo.carteblanche.fr", BrowserApp.DemoPassword);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));
        var days = ((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7;
        var tuesday = today.AddDays(days == 0 ? 7 : days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var lastName = "Delpech" + Guid.NewGuid().ToString("N")[..4];

        // A driver from Bach who goes to Cahors on Tuesdays and Thursdays.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mobilité", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Inscrire un conducteur" }).ClickAsync();
        await page.GetByLabel("Prénom").FillAsync("Marc");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Vidal");
        await page.GetByLabel("Téléphone").FillAsync("05 65 21 00 02");
        await page.GetByLabel("Commune de départ").FillAsync("Bach (46230)");
        await page.GetByLabel("Commune d'arrivée").FillAsync("Cahors (46000)");
        await page.Locator("label[for='jour-1']").ClickAsync(); // DSFR checkboxes: the label is what one clicks
        await page.Locator("label[for='jour-3']").ClickAsync();
        await page.GetByLabel("Heure de départ habituelle").FillAsync("07:30");
        await page.Locator("label[for='Form_Consent']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Inscrire le trajet" }).ClickAsync();
        await Expect(page.GetByText("Trajet de Marc Vidal enregistré : mardi et jeudi")).ToBeVisibleAsync();

        // The need: Concots, a Tuesday appointment at 9 h at the hospital.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mobilité", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Noter un besoin" }).ClickAsync();
        await page.GetByLabel("Prénom").FillAsync("Odette");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await page.GetByLabel("Commune de départ").FillAsync("Concots (46260)");
        await page.GetByLabel("Destination").FillAsync("Cahors Hôpital Jean Rougier");
        await page.GetByLabel("Jour").FillAsync(tuesday);
        await page.GetByLabel("Heure du rendez-vous ou du départ").FillAsync("09:00");
        await page.GetByLabel("Motif").SelectOptionAsync(new SelectOptionValue { Label = "Soins" });
        await page.Locator("label[for='Form_Consent']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et chercher une solution" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Odette {lastName} : de Concots à Cahors Hôpital Jean Rougier");
        await Expect(page.GetByText("Aucun arrêt de car ou de bus à moins de 1 km de Concots")).ToBeVisibleAsync();
        var driverRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bach → Cahors, mardi et jeudi vers 7 h 30" }).First;
        await Expect(driverRow).ToContainTextAsync("(mineur)");
        await Accessibility.AssertAccessibleAsync(page, "besoin et solutions");
        await driverRow.GetByRole(AriaRole.Button, new() { Name = "Proposer ce trajet à l'opérateur" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bach → Cahors" }).First).ToContainTextAsync("À appeler");

        // The operator (the association's helpers) calls both sides and records the ride.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mobilité", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Trajets de covoiturage" }).ClickAsync();
        var card = page.Locator(".fr-card").Filter(new() { HasText = $"Odette {lastName}" });
        await Expect(card).ToContainTextAsync("Conducteur : Marc Vidal, 05 65 21 00 02");
        await card.GetByLabel("Résultat de l'appel").SelectOptionAsync(new SelectOptionValue { Label = "Trajet convenu" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Noter le résultat" }).ClickAsync();
        await Expect(page.Locator(".fr-card").Filter(new() { HasText = $"Odette {lastName}" })).ToContainTextAsync("Trajet convenu");

        // Another need, to Figeac on a Saturday: no solution; it shows on the map and in the table.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mobilité", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Noter un besoin" }).ClickAsync();
        await page.GetByLabel("Prénom").FillAsync("Jean");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Lacoste" + lastName[^4..]);
        await page.GetByLabel("Commune de départ").FillAsync("Concots (46260)");
        await page.GetByLabel("Destination").FillAsync("Figeac Gare");
        await page.GetByLabel("Jour").FillAsync(tuesday);
        await page.GetByLabel("Heure du rendez-vous ou du départ").FillAsync("08:00");
        await page.Locator("label[for='Form_Consent']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et chercher une solution" }).ClickAsync();
        await page.GetByLabel("Raison").SelectOptionAsync(new SelectOptionValue { Label = "Trop loin d'un arrêt" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Aucune solution : garder le besoin non couvert" }).ClickAsync();
        await Expect(page.GetByText("Sans solution — Trop loin d'un arrêt")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mobilité", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Besoins non couverts" }).ClickAsync();
        await Expect(page.Locator("#carte-besoins")).ToHaveAttributeAsync("data-pret", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Concots" }).First).ToContainTextAsync("Trop loin d'un arrêt");
        await Accessibility.AssertAccessibleAsync(page, "besoins non couverts");
        await page.SetViewportSizeAsync(375, 800);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        session.AssertCleanConsole();
    }
}
