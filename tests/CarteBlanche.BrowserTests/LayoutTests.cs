using Microsoft.Playwright;
using Xunit;

namespace CarteBlanche.BrowserTests;

/// <summary>
/// Every page of every role, on a desktop (1,280 px) and a phone (375 px): nothing scrolls sideways, every button shows
/// its words (a DSFR icon class inside a button group turns a button into a bare 40 px icon), one menu entry is current.
/// </summary>
public sealed class LayoutTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly int[] Widths = [1280, 375];

    public static TheoryData<string> Roles => new() { "anonymous", "agent", "partnerreferent", "coordinator", "admin", "datasteward", "helper", "hrexpert", "firmowner" };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task No_page_scrolls_sideways_and_every_button_shows_its_words(string role)
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        if (role != "anonymous")
        {
            await session.SignInAsync($"{role}@demo.carteblanche.fr", BrowserApp.DemoPassword);
        }
        var paths = await PathsAsync(page, role);
        var problems = new List<string>();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                if (response is not { Ok: true })
                {
                    problems.Add($"{path}: status {response?.Status}");
                    continue;
                }
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 0)
                {
                    var culprit = await page.EvaluateAsync<string>("""
                        () => [...document.querySelectorAll('body *')]
                          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getClientRects().length > 0)
                          .slice(-1).map(e => e.tagName + '.' + e.className + ' « ' + (e.textContent || '').trim().slice(0, 40) + ' »').join('')
                        """);
                    problems.Add($"{path} at {width} px: {overflow} px wider than the window ({culprit})");
                }
                // A block or inline-block button whose words overflow it, or text squeezed under 48 px (a bare icon).
                // The skip links (shown on focus) and the DSFR's own phone menu button are left to the DSFR.
                var clipped = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('.fr-btn, button, a.fr-link')]
                      .filter(e => !e.closest('.fr-skiplinks, .fr-header__navbar') && !e.classList.contains('fr-btn--close'))
                      .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'inline')
                      .filter(e => (e.textContent || '').trim().length > 3)
                      .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().width < 48)
                      .map(e => (e.textContent || '').trim())
                    """);
                foreach (var label in clipped)
                {
                    problems.Add($"{path} at {width} px: the button « {label} » does not show its words");
                }
                if (width == 1280)
                {
                    var current = await page.Locator("nav#navigation [aria-current=page]").CountAsync();
                    if (current > 1)
                    {
                        problems.Add($"{path}: {current} menu entries marked as the current page");
                    }
                }
            }
        }
        Assert.True(problems.Count == 0, $"{role}:\n" + string.Join("\n", problems));
        session.AssertCleanConsole();
    }

    /// <summary>The pages a role reaches from its menu, plus a resident, a case and a question found by following links.</summary>
    private static async Task<List<string>> PathsAsync(IPage page, string role)
    {
        var paths = role switch
        {
            "anonymous" => new List<string> { "/", "/?commune=46224", "/connexion", "/car", "/car/communes/46224", "/reseau/delais", "/accessibilite", "/mentions-legales", "/donnees-personnelles", "/simulateur", "/mobilite", "/mobilite/offres", "/mobilite/demande", "/resultats", "/resultats/guichet", "/resultats/car", "/resultats/droits" },
            "agent" => ["/", "/guichet", "/guichet?vue=site", "/usagers", "/usagers/nouveau", "/reseau/sollicitations", "/reseau/fiches", "/reseau/fiches/chiffres", "/reseau/actualites", "/reseau/annuaire", "/reseau/notifications", "/demarches", "/formations", "/chiffres", "/territoire/communes", "/compte", "/car/mes-journees", "/droits", "/droits/a-proposer"],
            "partnerreferent" => ["/", "/reseau/sollicitations", "/reseau/fiches", "/reseau/sollicitations?vue=toutes", "/reseau/actualites", "/reseau/actualites/publier", "/reseau/annuaire", "/reseau/notifications", "/compte"],
            "coordinator" => ["/", "/car", "/car/planification", "/car/arrets", "/car/chiffres", "/car/equipage", "/reseau/sollicitations", "/demarches/propositions", "/territoire/organisations", "/territoire/lieux", "/territoire/lieux/modifier", "/chiffres", "/droits", "/droits/conventions/nouvelle", "/mobilite/offres/modifier", "/mobilite/reseaux", "/resultats/avis"],
            "datasteward" => ["/", "/droits", "/droits/campagnes", "/compte"],
            "hrexpert" => ["/", "/employeurs", "/employeurs/inscrire", "/employeurs/temps", "/employeurs/evaluation", "/compte"],
            "firmowner" => ["/", "/employeurs", "/compte"],
            "helper" => ["/", "/mobilite", "/mobilite/besoins", "/mobilite/besoins/nouveau", "/mobilite/conducteurs/nouveau", "/mobilite/covoiturage", "/mobilite/besoins-non-couverts", "/mobilite/chiffres", "/compte"],
            _ => ["/", "/admin/comptes", "/admin/comptes/inviter", "/admin/audit", "/territoire/communes", "/territoire/organisations", "/territoire/lieux", "/compte", "/compte/doubleauthentification", "/car/planification"],
        };
        // Follow the first link of each kind found on the role's lists: a case, a resident, a question, a partner's page.
        (string List, string Prefix)[] follow = role switch
        {
            "agent" => [("/guichet?vue=site", "/demandes/"), ("/usagers?nom=e", "/usagers/"), ("/reseau/sollicitations?vue=toutes", "/reseau/sollicitations/")],
            "partnerreferent" => [("/reseau/sollicitations?vue=toutes", "/reseau/sollicitations/"), ("/reseau/annuaire", "/reseau/partenaires/")],
            "coordinator" or "datasteward" => [("/droits", "/droits/conventions/")],
            "hrexpert" => [("/employeurs", "/employeurs/")],
            _ => [],
        };
        foreach (var (list, prefix) in follow)
        {
            await page.GotoAsync(list);
            var hrefs = await page.Locator($"main a[href^='{prefix}']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            var found = hrefs.FirstOrDefault(h => h != null && Guid.TryParse(h[prefix.Length..].Split('?', '/')[0], out _));
            Assert.True(found != null, $"{role}: no link to {prefix}… on {list}");
            paths.Add(found);
            if (role == "hrexpert")
            {
                // The firm's forms: a new employee and a new payslip.
                paths.Add(found + "/salaries/nouveau");
                paths.Add(found + "/bulletins/nouveau");
                paths.Add(found + "/offres/nouvelle");
                paths.Add(found + "/registre");
                paths.Add(found + "/avis");
                paths.Add(found + "/dsn");
                paths.Add(found + "/modifier");
                // The demonstration offer, with its candidates' forms.
                await page.GotoAsync(found);
                var offer = await page.Locator("main a[href^='/employeurs/offres/']").First.GetAttributeAsync("href");
                Assert.True(offer != null, "hrexpert: no offer on the demonstration firm's page");
                paths.Add(offer);
                var employee = await page.Locator("main a[href^='/employeurs/salaries/']").First.GetAttributeAsync("href");
                Assert.True(employee != null, "hrexpert: no employee on the demonstration firm's page");
                paths.Add(employee);
                paths.Add(employee + "/fin-de-contrat");
                paths.Add(employee + "/dsn");
            }
        }
        return paths;
    }
}
