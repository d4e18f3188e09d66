using CarteBlanche.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace CarteBlanche.BrowserTests;

/// <summary>The partner loop in a real Chromium: an agent asks the CAF from a case, a CAF referent takes and answers, the agent closes with "Oui".</summary>
public sealed class NetworkWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_agent_asks_the_caf_a_referent_answers_and_the_case_answer_is_ready()
    {
        await using var agentSession = await app.OpenAsync();
        var agent = agentSession.Page;
        await agentSession.SignInAsync("agent@demo.carteblanche.fr", BrowserApp.DemoPassword);
        // The home page shows the partners' news for agents; one is marked read from there.
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Matinée d'information pour les agents France Services" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(agent, "accueil avec actualités");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Marquer comme lue : Matinée d'information pour les agents France Services" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Marquer comme lue : Matinée d'information pour les agents France Services" })).ToHaveCountAsync(0);
        var lastName = "Séguy" + Guid.NewGuid().ToString("N")[..4];

        // A resident and a case about the family.
        await agent.GotoAsync("/usagers/nouveau");
        await agent.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await agent.GetByLabel("Prénom", new() { Exact = true }).FillAsync("Rose");
        await agent.GetByLabel("Date de naissance").FillAsync("14/02/1990");
        await agent.Locator("#Input_Phone").FillAsync("06 11 22 33 44");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'usager" }).ClickAsync();
        await agent.GetByRole(AriaRole.Link, new() { Name = "Ouvrir une demande" }).ClickAsync();
        await agent.Locator("#Needs_0__Domain").SelectOptionAsync("Famille");
        await agent.Locator("#Needs_0__Description").FillAsync("Séparation : changement de situation à déclarer à la CAF");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la demande" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Demande D-");
        var caseUrl = agent.Url;

        // Ask the CAF: suggested first for a family need; an empty question is refused with a message.
        await agent.GetByRole(AriaRole.Link, new() { Name = "Solliciter un partenaire" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(agent, "solliciter un partenaire");
        await Expect(agent.GetByLabel("Organisme partenaire")).ToHaveValueAsync(await OrganisationIdAsync("CAF du Lot"));
        await agent.GetByRole(AriaRole.Button, new() { Name = "Envoyer la sollicitation" }).ClickAsync();
        await Expect(agent.Locator(".fr-error-text").First).ToContainTextAsync("Écrivez votre question");
        await agent.GetByLabel("Votre question").FillAsync("Madame est séparée depuis le 1er octobre : pouvez-vous confirmer la prise en compte de sa déclaration de changement de situation ?");
        await agent.Locator("label[for=partage-Phone]").ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Envoyer la sollicitation" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sollicitation S-");
        await Expect(agent.Locator("#compte-a-rebours")).ToContainTextAsync("h ouvrée");
        await Accessibility.AssertAccessibleAsync(agent, "sollicitation (agent)");
        var questionUrl = agent.Url;
        await agent.GotoAsync(caseUrl);
        await Expect(agent.GetByText("En attente d'un partenaire").First).ToBeVisibleAsync();

        // The CAF referent takes it and answers.
        await using (var cafSession = await app.OpenAsync())
        {
            var caf = cafSession.Page;
            await cafSession.SignInAsync("partnerreferent@demo.carteblanche.fr", BrowserApp.DemoPassword);
            await caf.GetByRole(AriaRole.Link, new() { Name = "Sollicitations", Exact = true }).ClickAsync();
            await Accessibility.AssertAccessibleAsync(caf, "sollicitations (référent)");
            await caf.GotoAsync(questionUrl);
            await Expect(caf.GetByText($"Rose {lastName}")).ToBeVisibleAsync();
            await Expect(caf.GetByText("06 11 22 33 44")).ToBeVisibleAsync();
            await caf.GetByRole(AriaRole.Button, new() { Name = "Je m'en occupe" }).ClickAsync();
            await Expect(caf.GetByText("Prise en charge par Paul Référent CAF")).ToBeVisibleAsync();
            await caf.GetByLabel("Message", new() { Exact = true }).FillAsync("La déclaration est bien enregistrée ; les droits seront recalculés le mois prochain.");
            await caf.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
            await Expect(caf.GetByText("Réponse envoyée à l'agent.")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(caf, "sollicitation (référent)");
            cafSession.AssertCleanConsole();
        }

        // A CPAM referent cannot see it: 403, and the refusal is journaled.
        await using (var cpamSession = await app.OpenAsync())
        {
            await cpamSession.SignInAsync("referent.cpam@demo.carteblanche.fr", BrowserApp.DemoPassword);
            var refused = await cpamSession.Page.GotoAsync(questionUrl);
            Assert.Equal(403, refused!.Status);
            var questionId = questionUrl.Split('/').Last();
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "question.access-denied" && e.RecordId == questionId));
        }

        // From the home page, Mon guichet puts the answered case first: « Réponse du partenaire reçue ».
        await agent.GotoAsync("/");
        await agent.GetByRole(AriaRole.Link, new() { Name = "Ouvrir mon guichet" }).ClickAsync();
        var reference = "D-" + Guid.Parse(caseUrl.Split('/').Last()).ToString("N")[..8].ToUpperInvariant();
        var row = agent.Locator("table").First.Locator("tbody tr", new() { HasText = reference });
        await Expect(row).ToContainTextAsync("Réponse du partenaire reçue");
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(caseUrl);

        // The agent reads the answer and closes with "Oui" (confirmed in the modal): the case's answer is ready.
        await agent.GotoAsync(questionUrl);
        await Expect(agent.GetByText("les droits seront recalculés").First).ToBeVisibleAsync();
        await agent.Locator("label[for=usefulness-Yes]").ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Clôturer", Exact = true }).ClickAsync();
        await agent.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Oui, clôturer" }).ClickAsync();
        await Expect(agent.GetByText("Réponse utile : Oui").First).ToBeVisibleAsync();
        await agent.GotoAsync(caseUrl);
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Réponse prête");
        await Expect(agent.GetByText("Réponse de CAF du Lot").First).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(agent, "demande avec sollicitation close");

        // The public answer times page, without an account.
        await using (var visitor = await app.OpenAsync())
        {
            await visitor.Page.GotoAsync("/reseau/delais");
            await Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "CAF du Lot" })).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(visitor.Page, "délais de réponse");
            visitor.AssertCleanConsole();
        }
        agentSession.AssertCleanConsole();
    }

    [Fact]
    public async Task The_caf_settings_page_is_accessible_and_a_new_key_is_shown_once()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("partnerreferent@demo.carteblanche.fr", BrowserApp.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Annuaire", Exact = true }).ClickAsync();
        await page.GetByLabel("Rechercher un organisme").FillAsync("caf");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gérer les référents, la fiche et les clés d'API de CAF du Lot" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "réglages de l'organisme");
        await page.GetByLabel("Nom de la nouvelle clé").FillAsync("Logiciel de gestion CAF");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer une clé" }).ClickAsync();
        await Expect(page.Locator("#nouvelle-cle")).ToContainTextAsync("cbk_");
        await Accessibility.AssertAccessibleAsync(page, "clé créée");
        await page.ReloadAsync(); // after the redirect: a plain GET, which creates nothing and shows the key no more
        await Expect(page.Locator("#nouvelle-cle")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Logiciel de gestion CAF —")).ToHaveCountAsync(1);
        session.AssertCleanConsole();
    }

    private async Task<string> OrganisationIdAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
        return (await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync()).ToString();
    }
}
