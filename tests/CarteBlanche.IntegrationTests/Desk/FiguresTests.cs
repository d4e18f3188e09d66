using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Residents;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Desk;

/// <summary>The site figures page and its CSV, on cases of a site of their own (the demo desk stays out); on SQLite and PostgreSQL.</summary>
public abstract partial class FiguresTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    /// <summary>
    /// Four cases at a new site: in March, two answered (2 and 5 working days, one late) and closed resolved, one
    /// still open; in April, one answered over Easter Monday (3 working days) and closed at the counter.
    /// </summary>
    private async Task<(Guid SiteId, string SiteName, string ResidentName, Guid CaseId)> SeedSiteAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var site = new Place { Name = $"France Services de test {suffix}", Kind = PlaceKind.FranceServices, CommuneInseeCode = "46042" };
        var owner = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Agent)).Select(u => u.Id).SingleAsync());
        var resident = new Resident
        {
            FirstName = "Hortense",
            LastName = "Figuier-" + suffix,
            BirthDate = new DateOnly(1948, 6, 2),
            Phone = "05 65 30 00 00",
            SiteId = site.Id,
            CreatedAt = Utc(2026, 3, 2),
            CreatedBy = owner,
        };
        resident.RefreshSearchFields();
        Case NewCase(DateTimeOffset opened, DateOnly due, params NeedDomain[] domains) => new()
        {
            ResidentId = resident.Id,
            SiteId = site.Id,
            PlaceId = site.Id,
            OwnerId = owner,
            OpenedAt = opened,
            DueDate = due,
            Needs = domains.Select(d => new Need { Domain = d, Description = $"Besoin confidentiel de Hortense Figuier-{suffix}" }).ToList(),
        };
        Case Answered(Case c, ResolutionPath path, DateTimeOffset at)
        {
            Assert.Null(c.MarkAnswerReady(path));
            Assert.Null(c.ReturnAnswer(ContactChannel.Phone, at));
            Assert.Null(c.Close(CaseOutcome.Resolved, null, at.AddHours(1)));
            return c;
        }
        var cases = new[]
        {
            Answered(NewCase(Utc(2026, 3, 2), new DateOnly(2026, 3, 9), NeedDomain.Sante, NeedDomain.Emploi), ResolutionPath.AtCounter, Utc(2026, 3, 4)),
            Answered(NewCase(Utc(2026, 3, 5), new DateOnly(2026, 3, 10), NeedDomain.Sante), ResolutionPath.WithPartner, Utc(2026, 3, 12)),
            NewCase(Utc(2026, 3, 10), new DateOnly(2026, 3, 17), NeedDomain.Logement),
            Answered(NewCase(Utc(2026, 4, 1), new DateOnly(2026, 4, 8), NeedDomain.Retraite), ResolutionPath.AtCounter, Utc(2026, 4, 7)),
        };
        await Factory.WithDbAsync(db =>
        {
            db.Add(site);
            db.Add(resident);
            db.AddRange(cases);
            return db.SaveChangesAsync();
        });
        return (site.Id, site.Name, resident.LastName, cases[0].Id);
    }

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_figures_page_shows_the_sites_months_by_activity_domain_and_path()
    {
        var (siteId, siteName, _, _) = await SeedSiteAsync();
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));

        using var response = await coordinator.GetAsync($"/chiffres?lieu={siteId}&du=2026-03&au=2026-04");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Chiffres de {siteName}", page, StringComparison.Ordinal);
        Assert.Contains("<caption>Activité de " + siteName + ", de mars 2026 à avril 2026</caption>", page, StringComparison.Ordinal);
        // Opened, answers, median working days, within the commitment, closed, resolved at the counter.
        Assert.Equal(["3", "2", "3,5", "1 sur 2 (50\u00A0%)", "2", "1 sur 2 (50\u00A0%)"], RowCells(page, "mars 2026"));
        Assert.Equal(["1", "1", "3", "1 sur 1 (100\u00A0%)", "1", "1 sur 1 (100\u00A0%)"], RowCells(page, "avril 2026"));
        Assert.Equal(["4", "3", "3", "2 sur 3 (66,7\u00A0%)", "3", "2 sur 3 (66,7\u00A0%)"], RowCells(page, "Total"));
        // By domain (March, April, total): the case with two needs counts in both.
        Assert.Equal(["2", "0", "2"], RowCells(page, "Santé"));
        Assert.Equal(["1", "0", "1"], RowCells(page, "Emploi"));
        Assert.Equal(["0", "1", "1"], RowCells(page, "Retraite"));
        Assert.Equal(["1", "1", "2"], RowCells(page, "Traitée au guichet"));
        Assert.Equal(["1", "0", "1"], RowCells(page, "Traitée avec un partenaire pour le compte de l'usager"));
        Assert.Contains("<th scope=\"col\">Demandes ouvertes</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Figuier", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/chiffres\"", Html.Navigation(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_has_the_same_numbers_for_french_excel_and_no_personal_data()
    {
        var (siteId, siteName, residentName, _) = await SeedSiteAsync();
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));

        using var response = await coordinator.GetAsync($"/chiffres?handler=Csv&lieu={siteId}&du=2026-03&au=2026-04");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var slug = Regex.Replace(siteName.ToLowerInvariant(), "[^a-z0-9]+", "-");
        Assert.Equal($"chiffres-{slug}-2026-03-2026-04.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        string Field(int line, string column)
        {
            var index = Array.IndexOf(header, column);
            Assert.True(index >= 0, $"no column « {column} » in: {lines[0]}");
            return lines[line].Split(';')[index];
        }
        Assert.Equal(["Mois", "2026-03", "2026-04", "Total"], lines.Select(l => l.Split(';')[0]));
        Assert.Equal("3", Field(1, "Demandes ouvertes"));
        Assert.Equal("2", Field(1, "Domaine : Santé"));
        Assert.Equal("3,5", Field(1, "Délai médian de réponse (jours ouvrés)"));
        Assert.Equal("50", Field(1, "Part dans l'engagement (%)"));
        Assert.Equal("1", Field(2, "Domaine : Retraite"));
        Assert.Equal("4", Field(3, "Demandes ouvertes"));
        Assert.Equal("66,7", Field(3, "Part dans l'engagement (%)"));
        Assert.Equal("66,7", Field(3, "Part résolue au guichet (%)"));
        Assert.Equal("2", Field(3, "Close : Traitée au guichet"));
        Assert.DoesNotContain(residentName, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Hortense", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("confidentiel", csv, StringComparison.Ordinal);
        var exports = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "figures.export" && e.RecordId == siteId.ToString("D")));
        Assert.Equal(1, exports);
    }

    [Fact]
    public async Task A_coordinator_sees_the_figures_but_not_a_case_and_an_agent_only_their_own_sites()
    {
        var (siteId, _, _, caseId) = await SeedSiteAsync();
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var referent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));

        using var allSites = await coordinator.GetAsync("/chiffres");
        using var casePage = await coordinator.GetAsync($"/demandes/{caseId}");
        using var ownSite = await agent.GetAsync("/chiffres");
        using var otherSite = await agent.GetAsync($"/chiffres?lieu={siteId}");
        using var otherSiteCsv = await agent.GetAsync($"/chiffres?handler=Csv&lieu={siteId}");
        using var partner = await referent.GetAsync("/chiffres");

        Assert.Equal(HttpStatusCode.OK, allSites.StatusCode);
        Assert.Contains("Chiffres de tous les lieux d'accueil", await allSites.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, casePage.StatusCode);
        Assert.DoesNotContain("Figuier", await casePage.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownSite.StatusCode);
        var own = await ownSite.ReadPageAsync();
        Assert.Contains($"Chiffres de {DemoData.GrandCahorsSite}", own, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Lieu\"", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherSiteCsv.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
        var refusals = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "place.access-denied" && e.RecordId == siteId.ToString("D")));
        Assert.Equal(2, refusals);
    }

    [Fact]
    public async Task A_wrong_month_is_explained_and_the_default_period_is_shown()
    {
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));

        using var badMonth = await coordinator.GetAsync("/chiffres?du=2026-13");
        using var reversed = await coordinator.GetAsync("/chiffres?du=2026-05&au=2026-02");
        using var badCsv = await coordinator.GetAsync("/chiffres?handler=Csv&du=mars");

        Assert.Contains("Le mois de début n'est pas valide", await badMonth.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Contains("Le mois de début doit précéder le mois de fin.", await reversed.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badCsv.StatusCode);
    }

    /// <summary>The texts of the data cells of the first row headed <paramref name="rowHeader"/>.</summary>
    private static List<string> RowCells(string page, string rowHeader)
    {
        var row = Regex.Match(page, "<th scope=\"row\">" + Regex.Escape(rowHeader) + "</th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row « {rowHeader} »");
        return Cell().Matches(row.Groups[1].Value).Select(m => m.Groups[1].Value.Trim()).ToList();
    }


    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}

public sealed class SqliteFiguresTests(SqliteFactory factory) : FiguresTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFiguresTests(PostgresFactory factory) : FiguresTests(factory), IClassFixture<PostgresFactory>;
