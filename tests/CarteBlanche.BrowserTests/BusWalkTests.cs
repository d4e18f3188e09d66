using CarteBlanche.Bus;
using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
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
        var start = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7); // within the four weeks residents see
        await page.GetByLabel("Premier jour du cycle").FillAsync(start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Communes à desservir obligatoirement").SelectOptionAsync(new SelectOptionValue { Label = "Pradines" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculer une proposition" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Proposition de tournée", new() { Timeout = 30_000 });
        await Expect(page.GetByText("Communes non desservies, et pourquoi")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "proposition de tournée");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier cette tournée" }).ClickAsync();
        // Publishing asks first, in a DSFR modal.
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Oui, publier la tournée" }).ClickAsync();
        await Expect(page.GetByText("La tournée est publiée")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Gérer") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Visite", Exact = true })).ToBeVisibleAsync();
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

    [Fact]
    public async Task A_resident_sees_four_weeks_subscribes_and_confirms_from_the_mail_and_an_agent_off_the_crew_only_reads_the_visit()
    {
        // Four weeks of the repeating cycle, not one cycle of two weeks.
        await using var resident = await app.OpenAsync();
        var visitor = resident.Page;
        await visitor.GotoAsync("/car");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Les quatre prochaines semaines" })).ToBeVisibleAsync();
        var dates = (await visitor.Locator("table tbody tr td:first-child").AllTextContentsAsync()).Distinct().Count();
        Assert.True(dates > 10, $"{dates} days of passages: one cycle of two weeks has 10 working days at most");

        // Subscribing: the form, then the link of the confirmation mail, then one click.
        var code = await InDbAsync(db => db.Set<BusPassage>().Where(p => p.Status == PassageStatus.Scheduled && p.Date > DateOnly.FromDateTime(DateTime.UtcNow))
            .OrderBy(p => p.Date).Select(p => p.Stop!.CommuneInseeCode).FirstAsync());
        var email = $"riveraine.{Guid.NewGuid():N}@exemple.fr";
        await visitor.GotoAsync($"/car/communes/{code}");
        await visitor.GetByLabel("Adresse e-mail ou numéro de portable").FillAsync(email);
        await visitor.Locator("label[for=Consent]").ClickAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Me prévenir" }).ClickAsync();
        await Expect(visitor.GetByText("ouvrez le lien de confirmation envoyé à cette adresse e-mail")).ToBeVisibleAsync();
        await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        var mail = Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(a => a.Address == email));
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://\S+/car/abonnement/[A-Za-z0-9_-]+").Value;
        await visitor.GotoAsync(link);
        await Accessibility.AssertAccessibleAsync(visitor, "confirmer l'abonnement");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Confirmer ma demande" }).ClickAsync();
        await Expect(visitor.Locator("#resultat")).ToContainTextAsync("C'est confirmé");
        Assert.NotNull(await InDbAsync(db => db.Set<BusSubscription>().Where(s => s.Address == email).Select(s => s.ConfirmedAt).SingleAsync()));
        resident.AssertCleanConsole();

        // An agent who is not on that day's crew reads the passage but has no form to overwrite its visit.
        var passage = await InDbAsync(db => db.Set<BusPassage>().Where(p => p.Status == PassageStatus.Scheduled && p.Bus == 0).OrderBy(p => p.Date).Select(p => p.Id).FirstAsync());
        await using var agent = await app.OpenAsync();
        await agent.SignInAsync("agent@demo.carteblanche.fr", BrowserApp.DemoPassword);
        await agent.Page.GotoAsync($"/car/passages/{passage}");
        await Expect(agent.Page.Locator("#visite-reservee")).ToContainTextAsync("Seul l'équipage du");
        await Expect(agent.Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la visite" })).ToHaveCountAsync(0);
        await Accessibility.AssertAccessibleAsync(agent.Page, "passage (hors équipage)");
        agent.AssertCleanConsole();
    }

    private async Task<T> InDbAsync<T>(Func<CarteBlancheDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>());
    }
}
