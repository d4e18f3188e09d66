using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace CarteBlanche.BrowserTests;

/// <summary>The bus in a real Chromium: a coordinator publishes a plan; a resident finds the commune's timetable and poster.</summary>
public sealed class BusWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_coordinator_publishes_a_tour_and_a_resident_finds_the_timetable_and_poster()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("coordinator@demo.carteblanche.fr", BrowserApp.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Planifier le car" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "planifier le car");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 49);
        await page.GetByLabel("Premier jour du cycle").FillAsync(start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Communes à desservir obligatoirement").SelectOptionAsync(new SelectOptionValue { Label = "Pradines" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculer une proposition" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Proposition de tournée", new() { Timeout = 30_000 });
        await Expect(page.GetByText("Communes non desservies, et pourquoi")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "proposition de tournée");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier cette tournée" }).ClickAsync();
        await Expect(page.GetByText("La tournée est publiée")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Gérer") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Visite" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "passage (visite et annulation)");
        session.AssertCleanConsole();

        // A resident, without an account, from the public page to the commune and its poster.
        await using var resident = await app.OpenAsync();
        var visitor = resident.Page;
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Le car France Services" }).First.ClickAsync();
        await Accessibility.AssertAccessibleAsync(visitor, "le car (public)");
        // The tile server is unreachable in this test (Map:TileUrl points nowhere): the stops' markers are drawn all the same.
        await Expect(visitor.Locator("#carte-car path.leaflet-interactive").First).ToBeVisibleAsync();
        Assert.True(int.Parse(await visitor.Locator("#carte-car").GetAttributeAsync("data-pret") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Pradines", Exact = true }).First.ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Le car France Services à Pradines");
        await Expect(visitor.Locator("#prochain-passage")).ToContainTextAsync("Le car France Services passe à Pradines, place de la mairie, le");
        await Accessibility.AssertAccessibleAsync(visitor, "commune (public)");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Affiche à imprimer" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("vient à Pradines");
        await Accessibility.AssertAccessibleAsync(visitor, "affiche");
        resident.AssertCleanConsole();
    }
}
