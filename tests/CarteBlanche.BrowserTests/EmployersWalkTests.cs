using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace CarteBlanche.BrowserTests;

/// <summary>Issue 17's walk, as far as it is built: an HR expert enrols a firm, records its employee, issues the first payslip; the firm owner reads theirs.</summary>
public sealed class EmployersWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_hr_expert_enrols_a_firm_and_issues_its_first_payslip_and_a_firm_owner_reads_theirs()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await session.SignInAsync("hrexpert@demo.carteblanche.fr", BrowserApp.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Entreprises", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Inscrire une entreprise" }).ClickAsync();

        // A wrong key first: said in French, what was typed stays.
        await page.GetByLabel("Raison sociale").FillAsync("Fournil de Concots");
        await page.GetByLabel("SIRET").FillAsync("732 829 320 00075");
        await page.GetByLabel("Code NAF").FillAsync("1071C");
        await page.GetByLabel("Effectif").FillAsync("4");
        await page.GetByLabel("Convention collective : IDCC").FillAsync("843");
        await page.GetByLabel("Commune").SelectOptionAsync(new SelectOptionValue { Label = "Concots" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Inscrire l'entreprise" }).ClickAsync();
        await Expect(page.GetByText("n'est pas un SIRET valide").First).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Raison sociale")).ToHaveValueAsync("Fournil de Concots");
        await page.GetByLabel("SIRET").FillAsync("732 829 320 00074");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inscrire l'entreprise" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fournil de Concots");
        await Expect(page.GetByText("Mois de préparation").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un salarié" }).ClickAsync();
        await page.GetByLabel("Prénom").FillAsync("Jeanne");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Pétrin");
        await page.GetByLabel("Emploi").FillAsync("Boulangère");
        await page.GetByLabel("Début du contrat").FillAsync("2026-01-05");
        await page.GetByLabel("Salaire brut mensuel").FillAsync("2 000,00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le salarié" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Jeanne Pétrin" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Établir un bulletin de paie" }).ClickAsync();
        await page.GetByLabel("Mois du bulletin").FillAsync("2026-06");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculer le bulletin" }).ClickAsync();
        await Expect(page.GetByText("1 561,26 €").First).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "bulletin calculé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Établir le bulletin" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bulletin de paie — juin 2026");
        await Expect(page.GetByText("669,20 €").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimer le bulletin" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "bulletin établi");
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        }

        // In the demonstration bakery, an employee's November payslip (both contracts run then); then the employer reads it.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/employeurs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Boulangerie du Pont Valentré (démonstration)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Établir un bulletin de paie" }).ClickAsync();
        await page.GetByLabel("Salarié", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var chosen = await page.GetByLabel("Salarié", new() { Exact = true }).Locator("option:checked").TextContentAsync();
        await page.GetByLabel("Mois du bulletin").FillAsync("2026-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculer le bulletin" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Établir le bulletin" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bulletin de paie — novembre 2026");
        session.AssertCleanConsole();

        await using var ownerSession = await app.OpenAsync();
        page = ownerSession.Page;
        await ownerSession.SignInAsync("firmowner@demo.carteblanche.fr", BrowserApp.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mon entreprise" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Boulangerie du Pont Valentré (démonstration)");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Établir un bulletin de paie" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bulletin de novembre 2026" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bulletin de paie — novembre 2026");
        await Expect(page.GetByText(chosen!.Split(" — ")[0]).First).ToBeVisibleAsync();
        await Expect(page.GetByText("Net à payer avant impôt sur le revenu")).ToBeVisibleAsync();
        ownerSession.AssertCleanConsole();
    }
}
