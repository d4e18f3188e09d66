using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace CarteBlanche.BrowserTests;

/// <summary>
/// The knowledge base and the results in a real Chromium: an answered question becomes a card, the CAF's lead referent
/// validates it, an agent of another site finds it with other word forms and sees it on his own case; the public
/// results page draws every solution's charts.
/// </summary>
public sealed class KnowledgeWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_answered_question_becomes_a_validated_card_that_another_agent_finds_and_sees_on_a_case()
    {
        // Letters only, so that the anonymiser keeps it: it tells this card from any other.
        var marker = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('g' + (c % 16))));
        await using var agentSession = await app.OpenAsync();
        var agent = agentSession.Page;
        await agentSession.SignInAsync("agent@demo.carteblanche.fr", BrowserApp.DemoPassword);
        await NewCaseAsync(agent, "Mazet" + marker[..4], "Logement", "Chambre d'étudiante : aide au logement ?");

        await agent.GetByRole(AriaRole.Link, new() { Name = "Solliciter un partenaire" }).ClickAsync();
        await agent.GetByLabel("Votre question").FillAsync($"Une étudiante a-t-elle droit aux allocations logement pour sa chambre {marker} ?");
        await agent.Locator("label[for=partage-Phone]").ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Envoyer la sollicitation" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sollicitation S-");
        var questionUrl = agent.Url;

        await using (var cafSession = await app.OpenAsync())
        {
            var caf = cafSession.Page;
            await cafSession.SignInAsync("partnerreferent@demo.carteblanche.fr", BrowserApp.DemoPassword);
            await caf.GotoAsync(questionUrl);
            await caf.GetByRole(AriaRole.Button, new() { Name = "Je m'en occupe" }).ClickAsync();
            await caf.GetByLabel("Message", new() { Exact = true }).FillAsync("Oui : une étudiante peut avoir l'allocation de logement sociale (ALS), demande en ligne sur caf.fr.");
            await caf.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
            await Expect(caf.GetByText("Réponse envoyée à l'agent.")).ToBeVisibleAsync();
        }

        // Closed with « Oui »: the agent proposes the card, pre-filled without the resident's name.
        await agent.GotoAsync(questionUrl);
        await agent.Locator("label[for=usefulness-Yes]").ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Clôturer", Exact = true }).ClickAsync();
        await agent.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Oui, clôturer" }).ClickAsync();
        await agent.GetByRole(AriaRole.Link, new() { Name = "Proposer une fiche de connaissance" }).ClickAsync();
        await Expect(agent.GetByLabel("Question", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(marker));
        await Accessibility.AssertAccessibleAsync(agent, "proposer une fiche");
        await agent.GetByLabel("Titre").FillAsync($"Aide au logement d'une étudiante en chambre {marker}");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Proposer la fiche" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Aide au logement d'une étudiante");
        agentSession.AssertCleanConsole();

        // The CAF's lead referent finds it waiting, from the menu, and validates it.
        await using (var leadSession = await app.OpenAsync())
        {
            var lead = leadSession.Page;
            await leadSession.SignInAsync("partnerreferent@demo.carteblanche.fr", BrowserApp.DemoPassword);
            await lead.GetByRole(AriaRole.Link, new() { Name = "Sollicitations", Exact = true }).ClickAsync();
            await lead.GetByRole(AriaRole.Link, new() { Name = "Fiches de connaissance : les réponses des partenaires déjà validées" }).ClickAsync();
            await lead.GetByRole(AriaRole.Link, new() { Name = $"Aide au logement d'une étudiante en chambre {marker}" }).ClickAsync();
            await lead.GetByRole(AriaRole.Button, new() { Name = "Valider la fiche" }).ClickAsync();
            await Expect(lead.GetByText("validée", new() { Exact = false }).First).ToBeVisibleAsync();
            leadSession.AssertCleanConsole();
        }

        // An agent of another site searches with other word forms (plural, no accent) and finds it.
        await using var otherSession = await app.OpenAsync();
        var other = otherSession.Page;
        await otherSession.SignInAsync("agent.lalbenque@demo.carteblanche.fr", BrowserApp.DemoPassword);
        await other.GetByRole(AriaRole.Link, new() { Name = "Sollicitations", Exact = true }).ClickAsync();
        await other.GetByRole(AriaRole.Link, new() { Name = "Fiches de connaissance : les réponses des partenaires déjà validées" }).ClickAsync();
        await other.Locator("#q").FillAsync($"allocation logement etudiantes {marker}");
        await other.GetByRole(AriaRole.Button, new() { Name = "Rechercher", Exact = true }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("1 fiche pour");
        await Expect(other.GetByRole(AriaRole.Link, new() { Name = $"Aide au logement d'une étudiante en chambre {marker}" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(other, "recherche de fiches");

        // On his own case about housing, the card is offered before asking a partner; opening it counts a use.
        await NewCaseAsync(other, "Lacombe" + marker[..4], "Logement", "Étudiant en colocation : aide au logement ?");
        var card = other.GetByRole(AriaRole.Link, new() { Name = $"Aide au logement d'une étudiante en chambre {marker}" });
        await Expect(card).ToBeVisibleAsync();
        await card.ClickAsync();
        await Expect(other.GetByText("caf.fr").First).ToBeVisibleAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "Oui, utile" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Button, new() { Name = "Oui, utile" })).ToBeVisibleAsync();
        otherSession.AssertCleanConsole();
    }

    [Fact]
    public async Task The_public_results_page_draws_each_solutions_charts()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Résultats", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Résultats");
        foreach (var title in new[] { "Le guichet France Services", "Le réseau des partenaires", "Le car France Services", "L'accès aux droits", "La mobilité solidaire", "Le centre de services RH" })
        {
            var section = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = title }) });
            // Drawn by Chart.js (the canvas is marked once drawn) and sized: a chart a visitor can see.
            var chart = section.Locator("canvas[data-dessine=oui]").First;
            await Expect(chart).ToBeVisibleAsync();
            var box = await chart.BoundingBoxAsync();
            Assert.True(box is { Width: > 200, Height: > 150 }, $"{title}: {box?.Width}×{box?.Height}");
        }
        await Accessibility.AssertAccessibleAsync(page, "résultats");

        // A solution's own page: the same charts with their tables.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tous les chiffres de « Le car France Services », en tableaux" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Le car France Services : les résultats");
        await Expect(page.Locator("canvas[data-dessine=oui]").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Passages et contacts, mois par mois" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "résultats du car");
        session.AssertCleanConsole();
    }

    /// <summary>A new resident and a case with one need, from the menu.</summary>
    private static async Task NewCaseAsync(IPage page, string lastName, string domain, string need)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Usagers", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel usager" }).ClickAsync();
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await page.GetByLabel("Prénom", new() { Exact = true }).FillAsync("Inès");
        await page.GetByLabel("Date de naissance").FillAsync("03/09/2004");
        await page.Locator("#Input_Phone").FillAsync("06 12 34 56 78");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'usager" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir une demande" }).ClickAsync();
        await page.Locator("#Needs_0__Domain").SelectOptionAsync(domain);
        await page.Locator("#Needs_0__Description").FillAsync(need);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la demande" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Demande D-");
    }
}
