using CarteBlanche.Platform.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace CarteBlanche.BrowserTests;

/// <summary>An agent's whole path at the counter, in a real Chromium, with axe on every page of the way.</summary>
public sealed class DeskWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string AgentEmail = "agent@demo.carteblanche.fr";

    [Fact]
    public async Task An_agent_receives_a_new_resident_and_sees_the_case_through_to_closing()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(AgentEmail, BrowserApp.DemoPassword);
        var lastName = "Fournié" + Guid.NewGuid().ToString("N")[..4];

        await page.GetByRole(AriaRole.Link, new() { Name = "Usagers", Exact = true }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "recherche d'usager");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel usager" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "nouvel usager");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await page.GetByLabel("Prénom", new() { Exact = true }).FillAsync("Germaine");
        await page.GetByLabel("Date de naissance").FillAsync("03/09/1948");
        await page.GetByLabel("Adresse e-mail").FillAsync("germaine.fournie@exemple.fr");
        await page.GetByLabel("Canal préféré pour recevoir la réponse").SelectOptionAsync("Email");
        await page.GetByLabel("Numéro de sécurité sociale").FillAsync("2 48 09 46 042 123 00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'usager" }).ClickAsync();
        // The NIR key is wrong: the message says so, next to the field, and the form is kept.
        await Expect(page.Locator("#Input_Nir ~ .fr-error-text, .fr-error-text").First).ToContainTextAsync("clé");
        await Accessibility.AssertAccessibleAsync(page, "nouvel usager avec erreurs");
        await page.GetByLabel("Numéro de sécurité sociale").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'usager" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Germaine");
        await Accessibility.AssertAccessibleAsync(page, "fiche usager");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir une demande" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "nouvelle demande");
        await page.Locator("#Needs_0__Domain").SelectOptionAsync("Retraite");
        await page.Locator("#Needs_0__Description").FillAsync("Demande de retraite, trimestres manquants");
        await page.Locator("#Needs_1__Domain").SelectOptionAsync("PapiersIdentitePermis");
        await page.Locator("#Needs_1__Description").FillAsync("Renouveler la carte d'identité");
        await page.Locator("#Needs_1__ProcedureCode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la demande" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Demande D-");
        await Expect(page.GetByText("Démarche :")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "fiche demande");

        // A new case shows the actions that fit it; referring is among « Autres actions ».
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Prendre en charge" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Orienter vers un service expert")).Not.ToBeVisibleAsync();
        await page.GetByText("Autres actions").ClickAsync();
        await page.GetByLabel("Orienter vers un service expert").FillAsync("Agence retraite CARSAT de Cahors");
        await page.GetByRole(AriaRole.Button, new() { Name = "Noter l'orientation" }).ClickAsync();
        await Expect(page.GetByText("Orientation vers Agence retraite CARSAT de Cahors").First).ToBeVisibleAsync();
        await page.GetByLabel("Issue de l'orientation").FillAsync("Relevé de carrière régularisé par la CARSAT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Noter l'issue" }).ClickAsync();
        await page.GetByLabel("Réponse donnée").FillAsync("Votre relevé de carrière est à jour : vous pouvez déposer votre demande de retraite.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Réponse rendue" }).ClickAsync();
        await Expect(page.GetByText("Réponse rendue le")).ToBeVisibleAsync();

        await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        var mails = Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(a => a.Address == "germaine.fournie@exemple.fr")).ToList();
        Assert.Single(mails);
        Assert.Contains("Votre relevé de carrière est à jour", mails[0].TextBody, StringComparison.Ordinal);

        await page.GetByLabel("Clore la demande").SelectOptionAsync("Resolved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clore", Exact = true }).ClickAsync();
        // Closing asks first, in a DSFR modal.
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("Clore la demande D-");
        await Accessibility.AssertAccessibleAsync(page, "confirmation de clôture");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Oui, clore la demande" }).ClickAsync();
        await Expect(page.GetByText("Close le")).ToBeVisibleAsync();
        await Expect(page.GetByText("Demande close.")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "demande close");

        var caseUrl = page.Url;

        // The satisfaction link, sent on closing, works once and without an account.
        await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        var survey = Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == "germaine.fournie@exemple.fr") && m.Subject == "Votre avis sur notre accueil");
        var link = System.Text.RegularExpressions.Regex.Match(survey.TextBody ?? "", @"https?://\S+/satisfaction/\S+").Value;
        await using (var resident = await app.OpenAsync())
        {
            await resident.Page.GotoAsync(link);
            await Accessibility.AssertAccessibleAsync(resident.Page, "questionnaire de satisfaction");
            await resident.Page.Locator("label[for=note-4]").ClickAsync();
            await resident.Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
            await Expect(resident.Page.GetByText("Merci pour votre réponse")).ToBeVisibleAsync();
            await resident.Page.GotoAsync(link);
            await Expect(resident.Page.GetByText("Vous avez déjà répondu")).ToBeVisibleAsync();
            resident.AssertCleanConsole();
        }

        // An agent of another site is refused.
        await using (var other = await app.OpenAsync())
        {
            await other.SignInAsync("agent.lalbenque@demo.carteblanche.fr", BrowserApp.DemoPassword);
            var refused = await other.Page.GotoAsync(caseUrl);
            Assert.Equal(403, refused!.Status);
            await Expect(other.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Accès refusé");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Mon guichet" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "mon guichet");
        await page.GetByRole(AriaRole.Link, new() { Name = "Démarches", Exact = true }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "démarches");
        await page.GetByRole(AriaRole.Link, new() { Name = "Formations", Exact = true }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "formations");
        await page.GotoAsync(caseUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Germaine" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Accompagnement en autonomie" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "accompagnement en autonomie");
        session.AssertCleanConsole();
    }
}
