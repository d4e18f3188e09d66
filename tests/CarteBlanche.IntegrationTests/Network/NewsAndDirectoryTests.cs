using System.Net;
using System.Xml.Linq;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Network.News;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Network;

/// <summary>Partner news (publishing, audience, read marks, public Atom feed) and the directory; on SQLite and PostgreSQL.</summary>
public abstract class NewsAndDirectoryTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task A_referent_publishes_agents_see_it_on_their_home_page_and_mark_it_read()
    {
        using var caf = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        var title = "Fermeture exceptionnelle " + Guid.NewGuid().ToString("N")[..6];

        using var refused = await Html.PostFormAsync(caf, "/reseau/actualites/publier",
            [new("Title", ""), new("Body", "x"), new("Audience", "Sites"), new("IsPublic", "true"), new("ValidFrom", "2026-11-20")]);
        var errors = await refused.ReadPageAsync();
        Assert.Contains("Donnez un titre", errors, StringComparison.Ordinal);
        Assert.Contains("Choisissez au moins un lieu d", errors, StringComparison.Ordinal);
        Assert.Contains("Seule une actualité pour tout le territoire peut être publique.", errors, StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var published = await Html.PostFormAsync(caf, "/reseau/actualites/publier",
            [new("Title", title), new("Body", "L'accueil de Cahors est **fermé** vendredi. <script>alert(1)</script>"), new("Category", "ServiceChange"),
             new("Audience", "Roles"), new("AudienceRoleNames", "Agent"), new("ValidFrom", today)]);
        Assert.Contains($"Actualité « {title} » publiée.", await published.ReadPageAsync(), StringComparison.Ordinal);

        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var home = await agent.GetAsync("/");
        var source = await home.Content.ReadAsStringAsync(); // the HTML itself, entities not decoded
        Assert.Contains(title, source, StringComparison.Ordinal);
        Assert.Contains("<strong>fermé</strong>", source, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", source, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", source, StringComparison.Ordinal);

        // Not in the audience: a social worker does not see it.
        using var social = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.SocialWorker));
        using var socialNews = await social.GetAsync("/reseau/actualites");
        Assert.DoesNotContain(title, await socialNews.ReadPageAsync(), StringComparison.Ordinal);

        var id = await Factory.WithDbAsync(db => db.Set<NewsItem>().Where(n => n.Title == title).Select(n => n.Id).SingleAsync());
        using var read = await Html.PostFormAsync(agent, "/reseau/actualites", [new("newsItemId", id.ToString()), new("returnUrl", "/")], "/reseau/actualites?handler=Read");
        var agentId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Agent)).Select(u => u.Id).SingleAsync());
        Assert.True(await Factory.WithDbAsync(db => db.Set<NewsRead>().AnyAsync(r => r.NewsItemId == id && r.AccountId == agentId)));
    }

    [Fact]
    public async Task The_public_atom_feed_lists_public_items_only_without_an_account()
    {
        using var anonymous = Factory.CreateBrowserClient();
        using var response = await anonymous.GetAsync("/reseau/actualites/46/atom.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains("Revalorisation du RSA et de la prime d'activité au 1er avril", titles);
        Assert.DoesNotContain("Matinée d'information pour les agents France Services", titles); // for agents only
        using var unknown = await anonymous.GetAsync("/reseau/actualites/<script>/atom.xml");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_directory_finds_organisations_without_accents_and_shows_their_referents()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));

        using var prefecture = await agent.GetAsync("/reseau/annuaire?q=prefecture");
        var page = await prefecture.ReadPageAsync();
        Assert.Contains("Préfecture du Lot", page, StringComparison.Ordinal);
        Assert.DoesNotContain("CAF du Lot", page, StringComparison.Ordinal);

        using var caf = await agent.GetAsync("/reseau/annuaire?q=caf");
        var cafPage = await caf.ReadPageAsync();
        Assert.Contains("Paul Référent CAF (référent principal)", cafPage, StringComparison.Ordinal);
        Assert.Contains("partenaires@caf-lot.demo.carteblanche.fr", cafPage, StringComparison.Ordinal);

        using var none = await agent.GetAsync("/reseau/annuaire?q=zzzz");
        Assert.Contains("Aucun organisme ne correspond", await none.ReadPageAsync(), StringComparison.Ordinal);
    }

}

public sealed class SqliteNewsAndDirectoryTests(SqliteFactory factory) : NewsAndDirectoryTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresNewsAndDirectoryTests(PostgresFactory factory) : NewsAndDirectoryTests(factory), IClassFixture<PostgresFactory>;
