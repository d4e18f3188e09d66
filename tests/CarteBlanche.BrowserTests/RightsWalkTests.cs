using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        // A file with a wrong date: imported in the background, then refused with its line; the CAF's data stays.
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload
        {
            Name = "caf-erreur.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("identifiant;nom_naissance;prenoms;sexe;date_naissance\nP1;Delmas;Odette;F;1984-13-12\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer le fichier" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Fichier « caf-erreur.csv » refusé : 1 erreur(s)" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("ligne 2 : date de naissance « 1984-13-12 »")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "fichier refusé");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour aux fichiers de la convention" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "refusé (1 erreur(s))" }).First).ToBeVisibleAsync();
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

    [Fact]
    public async Task The_caf_data_steward_runs_a_campaign_and_follows_one_signal_to_an_opened_right()
    {
        await ImportSyntheticLotAsync(300);
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("datasteward@demo.carteblanche.fr", BrowserApp.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Partage de données", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Campagnes de non-recours" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Campagnes de non-recours");
        await Accessibility.AssertAccessibleAsync(page, "campagnes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lancer la campagne" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Campagne de non-recours");
        // The page refreshes itself while the campaign runs, then shows its figures.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Signalements de mon organisme" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rapport d'évaluation" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "campagne terminée");
        var campaignUrl = page.Url;

        // An uncertain link between two operators' files: both records side by side, and the steward's decision.
        await page.GetByRole(AriaRole.Link, new() { Name = "Rapprochements à vérifier" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rapprochements à vérifier");
        await Accessibility.AssertAccessibleAsync(page, "rapprochements à vérifier");
        await page.Locator("table a").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Même personne ?");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Les deux fiches côte à côte" })).ToContainTextAsync("Date de naissance");
        await Accessibility.AssertAccessibleAsync(page, "même personne");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deux personnes différentes" }).ClickAsync();
        await Expect(page.GetByText("Décision enregistrée : Deux personnes différentes.")).ToBeVisibleAsync();
        await page.GotoAsync(campaignUrl);

        await page.GetByRole(AriaRole.Link, new() { Name = "Signalements de mon organisme" }).ClickAsync();
        await page.GetByLabel("Prestation").SelectOptionAsync(new SelectOptionValue { Label = "RSA" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "signalements");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Foyer n° ") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("RSA");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pourquoi" })).ToBeVisibleAsync();
        await Expect(page.GetByText("vous pourriez avoir droit au revenu de solidarité active")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "signalement");

        // A result without saying how the household was reached: the message comes next to the field.
        await page.GetByLabel("Résultat").SelectOptionAsync(new SelectOptionValue { Label = "Droit ouvert" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le suivi" }).ClickAsync();
        await Expect(page.Locator("#Channel-error")).ToHaveTextAsync("Indiquez comment le foyer a été contacté.");
        await page.GetByLabel("Moyen de contact").SelectOptionAsync(new SelectOptionValue { Label = "Appel" });
        await page.GetByLabel("Date d'ouverture du droit").FillAsync(DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Montant mensuel ouvert (€)").FillAsync("450");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le suivi" }).ClickAsync();
        await Expect(page.GetByText("Suivi enregistré : Droit ouvert.")).ToBeVisibleAsync();

        // The campaign's evaluation report counts it; the pages fit a phone.
        await page.SetViewportSizeAsync(375, 800);
        await page.ReloadAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await page.GotoAsync(campaignUrl);
        await Expect(page.GetByText("Droits ouverts : moins de 5, pour 450 € par mois")).ToBeVisibleAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        session.AssertCleanConsole();
    }

    [Fact]
    public async Task A_resident_estimates_her_rights_from_the_home_page_on_a_phone_and_reads_how_the_rsa_is_computed()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Estimer mes droits" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("À quelles aides avez-vous droit ?");
        await Accessibility.AssertAccessibleAsync(page, "simulateur");
        // A wrong answer first: the message comes next to the field.
        await page.GetByLabel("Votre âge").FillAsync("trente-quatre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Estimer mes droits" }).ClickAsync();
        await Expect(page.Locator("#Age-error")).ToHaveTextAsync("Indiquez votre âge en années, par exemple 42.");
        await page.GetByLabel("Votre âge").FillAsync("34");
        await page.GetByLabel("Âges des enfants à votre charge").FillAsync("4");
        await page.GetByLabel("Loyer ou mensualité de prêt (€ par mois)").FillAsync("480");
        await page.GetByLabel("Vos salaires (€ par mois)").FillAsync("550");
        await page.GetByRole(AriaRole.Button, new() { Name = "Estimer mes droits" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revenu de solidarité active (RSA) — droit probable" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prime d'activité — droit probable" })).ToBeVisibleAsync();
        var rsa = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Revenu de solidarité active (RSA) — droit probable" }) });
        await rsa.GetByText("Le détail du calcul").ClickAsync();
        await Expect(rsa.GetByText("montant forfaitaire", new() { Exact = false }).First).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "droits estimés");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        session.AssertCleanConsole();
    }

    /// <summary>A small synthetic Lot's three files (last month), imported under the demonstration convention as the operators would send them.</summary>
    private async Task ImportSyntheticLotAsync(int households)
    {
        var today = CarteBlanche.Platform.Calendar.ParisClock.DayOf(DateTimeOffset.UtcNow);
        var month = CarteBlanche.Benefits.Month.Of(today.Year, today.Month).AddMonths(-1);
        var directory = Directory.CreateTempSubdirectory("cb-lot-");
        try
        {
            var files = CarteBlanche.Rights.Campaigns.SyntheticLot.Write(directory.FullName, households, 11, month);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>();
            var convention = await db.Set<CarteBlanche.Rights.Conventions.Convention>().Where(c => c.Title == CarteBlanche.Rights.RightsDemoData.ConventionTitle).Select(c => c.Id).SingleAsync();
            foreach (var (name, path) in new[] { ("CAF du Lot", files.Caf), ("France Travail", files.FranceTravail), ("CPAM du Lot", files.Cpam) })
            {
                var operatorId = await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
                await using var content = File.OpenRead(path);
                var import = await scope.ServiceProvider.GetRequiredService<CarteBlanche.Rights.Exchange.OperatorImporter>()
                    .ImportAsync(convention, operatorId, content, Path.GetFileName(path), null, null, CancellationToken.None);
                Assert.True(import.Status == CarteBlanche.Rights.Exchange.ImportStatus.Succeeded, import.Errors);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
