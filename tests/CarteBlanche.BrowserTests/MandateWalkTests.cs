using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace CarteBlanche.BrowserTests;

/// <summary>A resident gives a mandate, the agent prints it, acts under it, and the resident revokes it; axe on the mandate pages.</summary>
public sealed class MandateWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string AgentEmail = "agent@demo.carteblanche.fr";

    [Fact]
    public async Task An_agent_records_a_mandate_prints_it_acts_under_it_and_the_resident_revokes_it()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(AgentEmail, BrowserApp.DemoPassword);
        var lastName = "Lacoste" + Guid.NewGuid().ToString("N")[..4];

        await page.GotoAsync("/usagers/nouveau");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await page.GetByLabel("Prénom", new() { Exact = true }).FillAsync("Armande");
        await page.GetByLabel("Date de naissance").FillAsync("21/06/1944");
        await page.GetByLabel("Téléphone").FillAsync("05 65 35 00 00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'usager" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Armande");
        await Expect(page.GetByText("Aucun mandat")).ToBeVisibleAsync();

        // The mandate form: nothing chosen, the messages come next to the fields.
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un mandat" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Nouveau mandat");
        await Accessibility.AssertAccessibleAsync(page, "nouveau mandat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le mandat" }).ClickAsync();
        await Expect(page.Locator("#Input_Domains .fr-error-text")).ToHaveTextAsync("Choisissez au moins un domaine dans lequel l'usager vous autorise à agir.");
        await Accessibility.AssertAccessibleAsync(page, "nouveau mandat avec erreurs");

        await page.Locator("label[for='domain-Argent']").ClickAsync();
        await page.Locator("label[for='domain-Logement']").ClickAsync();
        await page.Locator("label[for='duration-SixMonths']").ClickAsync();
        await page.Locator("label[for='consent-InPerson']").ClickAsync();
        await page.Locator("label[for='Input_ResidentInformed']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le mandat" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mandat M-");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Actif");
        await Accessibility.AssertAccessibleAsync(page, "fiche mandat");
        var mandateUrl = page.Url;

        // The printable form: on paper, only the form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Imprimer le mandat" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mandat pour réaliser des démarches administratives");
        await Expect(page.GetByText($"Armande {lastName.ToUpperInvariant()}").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimer le mandat" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "mandat à imprimer");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header.fr-header")).ToBeHiddenAsync();
        await Expect(page.Locator("footer.fr-footer")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimer le mandat" })).ToBeHiddenAsync();
        await Expect(page.GetByText("Signature de l'usager")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Expect(page.Locator("header.fr-header")).ToBeVisibleAsync();

        // A case, and a procedure done on the resident's behalf under the mandate.
        await page.GotoAsync(mandateUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Fiche de l'usager" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "fiche usager avec un mandat");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir une demande" }).ClickAsync();
        await page.Locator("#Needs_0__Domain").SelectOptionAsync("Logement");
        await page.Locator("#Needs_0__Description").FillAsync("Aide au logement après un déménagement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la demande" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Demande D-");

        await page.GetByLabel("Domaine du mandat").SelectOptionAsync("Justice");
        await page.GetByLabel("Ce que vous avez fait pour son compte").FillAsync("Demande d'aide juridictionnelle déposée");
        await page.GetByRole(AriaRole.Button, new() { Name = "Agir pour le compte de l'usager" }).ClickAsync();
        await Expect(page.Locator("#mandateDomain ~ .fr-error-text")).ToContainTextAsync("ne couvre pas le domaine « Justice »");
        await Accessibility.AssertAccessibleAsync(page, "fiche demande, action refusée");

        await page.GetByLabel("Domaine du mandat").SelectOptionAsync("Logement");
        await page.GetByLabel("Ce que vous avez fait pour son compte").FillAsync("Demande d'aide au logement déposée sur caf.fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Agir pour le compte de l'usager" }).ClickAsync();
        await Expect(page.GetByText("Pour le compte de l'usager (Logement, mandat M-")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "fiche demande après une action pour le compte de l'usager");

        // The resident revokes the mandate: confirmed with a checkbox.
        await page.GotoAsync(mandateUrl);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Logement" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Révoquer le mandat" }).ClickAsync();
        await Expect(page.Locator("#confirm ~ .fr-error-text")).ToContainTextAsync("Cochez la case");
        await page.Locator("label[for='confirm']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Révoquer le mandat" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Révoqué");
        await Accessibility.AssertAccessibleAsync(page, "mandat révoqué");
        session.AssertCleanConsole();
    }
}
