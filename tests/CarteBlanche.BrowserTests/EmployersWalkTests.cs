using CarteBlanche.Platform.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace CarteBlanche.BrowserTests;

/// <summary>
/// Issue 17's walk: an HR expert enrols a firm, publishes an offer, hires a candidate (DPAE checklist done), issues the
/// first payslip; the firm owner, invited, sees it. The hiring is on 1 June 2026, so that the payslip's month is one
/// the payroll model computes (2026) whatever the day the suite runs.
/// </summary>
public sealed class EmployersWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_hr_expert_enrols_a_firm_hires_through_an_offer_issues_the_first_payslip_and_the_invited_owner_sees_it()
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

        // The offer, published.
        await page.GetByRole(AriaRole.Link, new() { Name = "Rédiger une offre d'emploi" }).ClickAsync();
        await page.GetByLabel("Intitulé du poste").FillAsync("Boulanger (H/F)");
        await page.GetByLabel("Code ROME du métier").FillAsync("D1102");
        await page.GetByLabel("Salaire brut mensuel").FillAsync("2 000");
        await page.GetByLabel("Description").FillAsync("Fabrication du pain et des viennoiseries, de 4 h à 11 h.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'offre" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier l'offre" }).ClickAsync();
        await Expect(page.GetByText("Publiée").First).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "offre publiée");

        // A candidate, selected, hired: the DPAE checklist opens.
        await page.GetByLabel("Prénom du candidat").FillAsync("Jeanne");
        await page.GetByLabel("Nom du candidat", new() { Exact = true }).FillAsync("Pétrin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la candidature" }).ClickAsync();
        await page.GetByLabel("Nouvelle étape pour Jeanne Pétrin").SelectOptionAsync(new SelectOptionValue { Label = "Retenu" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape de Jeanne Pétrin" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Embaucher Jeanne Pétrin" }).ClickAsync();
        await page.GetByLabel("Date d'embauche").FillAsync("2026-06-01");
        await page.GetByLabel("Sexe").SelectOptionAsync(new SelectOptionValue { Label = "Féminin" });
        await page.GetByLabel("Date de naissance").FillAsync("1998-03-14");
        await page.GetByLabel("Lieu de naissance").FillAsync("Cahors (46)");
        await page.GetByLabel("Service de santé au travail").FillAsync("Service de santé au travail du Lot (démonstration)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Embaucher et ouvrir les formalités" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Embauche de Jeanne Pétrin");
        await page.GetByLabel("DPAE faite le").FillAsync("2026-05-29");
        await page.GetByLabel("Numéro de l'accusé de réception").FillAsync("DPAE-46-000123");
        await page.GetByLabel("Contrat signé le").FillAsync("2026-06-01");
        await page.GetByLabel("Inscrit au registre unique du personnel le").FillAsync("2026-06-01");
        await page.GetByLabel("Affilié à la complémentaire santé le").FillAsync("2026-06-01");
        await page.GetByLabel("Visite d'information et de prévention le").FillAsync("2026-06-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les formalités" }).ClickAsync();
        await Expect(page.GetByText("Toutes les formalités de l'embauche sont faites.")).ToBeVisibleAsync();
        await Expect(page.GetByText("DPAE faite le 29/05/2026, accusé de réception DPAE-46-000123.")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "formalités de l'embauche");

        // The first payslip.
        await page.GetByRole(AriaRole.Link, new() { Name = "Fournil de Concots" }).First.ClickAsync();
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

        // The owner, invited from the firm's page.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "Fournil de Concots" }).First.ClickAsync();
        var email = $"fournil.{Guid.NewGuid():N}@exemple.fr";
        await page.GetByLabel("Prénom et nom du dirigeant").FillAsync("Paul Fournil");
        await page.GetByLabel("Adresse e-mail du dirigeant").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation au dirigeant" }).ClickAsync();
        await Expect(page.GetByText($"Invitation envoyée à {email}")).ToBeVisibleAsync();
        session.AssertCleanConsole();

        await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        var mail = Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(a => a.Address == email));
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://\S+/invitation/[A-Za-z0-9_-]+").Value;
        await using var ownerSession = await app.OpenAsync();
        page = ownerSession.Page;
        await page.GotoAsync(link);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("Paul-Fournil-2026!");
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("Paul-Fournil-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon mot de passe" }).ClickAsync();
        await ownerSession.SignInAsync(email, "Paul-Fournil-2026!");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mon entreprise" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fournil de Concots");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Établir un bulletin de paie" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bulletin de juin 2026" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bulletin de paie — juin 2026");
        await Expect(page.GetByText("Jeanne Pétrin").First).ToBeVisibleAsync();
        await Expect(page.GetByText("1 561,26 €").First).ToBeVisibleAsync();
        ownerSession.AssertCleanConsole();
    }
}
