using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace CarteBlanche.BrowserTests;

/// <summary>The data steward reads the convention from the menu; an agent records a resident's consent, gives them their link, and the resident withdraws it.</summary>
public sealed class RightsWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_data_steward_finds_the_convention_and_its_data_dictionary_from_the_menu()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("datasteward@demo.carteblanche.fr", BrowserApp.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Partage de données", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Partage de données entre organismes");
        await Accessibility.AssertAccessibleAsync(page, "conventions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Convention d'accès aux droits du bassin de vie de Cahors" }).ClickAsync();
        await Expect(page.GetByText("En vigueur").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Quotient familial quotient_familial API Particulier v3 — quotient familial CAF et MSA", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "convention et dictionnaire");
        await page.GetByRole(AriaRole.Link, new() { Name = "Transmettre un fichier" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Transmettre un fichier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer le fichier" }).ClickAsync();
        await Expect(page.Locator("#Upload-error")).ToContainTextAsync("Choisissez le fichier à transmettre");
        await Accessibility.AssertAccessibleAsync(page, "transmettre un fichier");
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync(page.Url); // the format and the history, on a phone
        var culprit = await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('main *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getClientRects().length > 0)
              .slice(0, 1).map(e => e.tagName + '.' + e.className + ' « ' + (e.textContent || '').trim().slice(0, 40) + ' »').join('')
            """);
        Assert.True(culprit.Length == 0, $"the page is wider than a phone because of {culprit}");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        session.AssertCleanConsole();
    }

    [Fact]
    public async Task An_agent_records_a_consent_and_the_resident_withdraws_it_with_their_personal_link()
    {
        await using var agentSession = await app.OpenAsync();
        var page = agentSession.Page;
        await agentSession.SignInAsync("agent@demo.carteblanche.fr", BrowserApp.DemoPassword);
        var lastName = "Delmas" + Guid.NewGuid().ToString("N")[..4];
        await page.GetByRole(AriaRole.Link, new() { Name = "Usagers", Exact = true }).ClickAsync();
        await page.GotoAsync("/usagers/nouveau");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await page.GetByLabel("Prénom", new() { Exact = true }).FillAsync("Odette");
        await page.GetByLabel("Date de naissance").FillAsync("02/09/1961");
        await page.GetByLabel("Téléphone").FillAsync("05 65 35 00 01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'usager" }).ClickAsync();
        await Expect(page.GetByText("Aucun consentement")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Recueillir un consentement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Recueillir le consentement de Odette");
        await Accessibility.AssertAccessibleAsync(page, "recueillir un consentement");
        // Unchecking both purposes: the message comes next to them, nothing is recorded.
        await page.Locator("label[for='purpose-NonTakeUp']").ClickAsync();
        await page.Locator("label[for='purpose-TellUsOnce']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le consentement" }).ClickAsync();
        await Expect(page.Locator("#Form_Purposes .fr-error-text")).ToHaveTextAsync("Cochez au moins une finalité.");
        await page.Locator("label[for='purpose-NonTakeUp']").ClickAsync();
        await page.Locator("label[for='channel-InPerson']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le consentement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Consentement de Odette");
        await Expect(page.Locator(".fr-badge")).ToHaveTextAsync("Valide");
        await Accessibility.AssertAccessibleAsync(page, "consentement enregistré");

        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le lien personnel de l'usager" }).ClickAsync();
        var link = (await page.Locator(".cb-break-all strong").TextContentAsync())!.Trim();
        Assert.Contains("/mes-consentements/", link, StringComparison.Ordinal);
        await Accessibility.AssertAccessibleAsync(page, "lien personnel affiché");

        // The resident, without an account, on a phone.
        await using var residentSession = await app.OpenAsync();
        var own = residentSession.Page;
        await own.SetViewportSizeAsync(375, 800);
        await own.GotoAsync(link);
        await Expect(own.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mes consentements au partage de données");
        Assert.Equal(0, await own.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await Accessibility.AssertAccessibleAsync(own, "mes consentements");
        await own.GetByRole(AriaRole.Button, new() { Name = "Retirer ce consentement" }).ClickAsync();
        var dialog = own.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Retirer votre consentement CS-");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Oui, retirer mon consentement" }).ClickAsync();
        await Expect(own.GetByText("est retiré")).ToBeVisibleAsync();
        await Expect(own.Locator(".fr-badge")).ToHaveTextAsync("Retiré");
        await Expect(own.GetByRole(AriaRole.Button, new() { Name = "Retirer ce consentement" })).ToHaveCountAsync(0);
        residentSession.AssertCleanConsole();

        // The agent sees it withdrawn on the resident's page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à la fiche de l'usager" }).ClickAsync();
        await Expect(page.Locator(".fr-badge", new() { HasText = "Retiré" })).ToBeVisibleAsync();
        agentSession.AssertCleanConsole();
    }
}
