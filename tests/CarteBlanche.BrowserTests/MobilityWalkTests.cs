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
}
