using System.Net;
using CarteBlanche.Bus;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Web;

/// <summary>The public results: every solution's charts, small counts masked, the bus's paper forms, comments published only after review; on SQLite and PostgreSQL.</summary>
public abstract class ResultsTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task The_public_results_page_shows_each_solutions_charts_without_signing_in()
    {
        using var visitor = Factory.CreateBrowserClient();
        using var page = await visitor.GetAsync("/resultats");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = Decode(await page.ReadPageAsync());
        foreach (var (slug, title) in new[] { ("guichet", "Le guichet France Services"), ("reseau", "Le réseau des partenaires"), ("car", "Le car France Services"),
                     ("droits", "L'accès aux droits"), ("mobilite", "La mobilité solidaire"), ("employeurs", "Le centre de services RH") })
        {
            Assert.Contains($"<h2 id=\"{slug}\">{title}</h2>", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"graphique-{slug}-", html, StringComparison.Ordinal);
            using var own = await visitor.GetAsync($"/resultats/{slug}");
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Contains("mois par mois</caption>", await own.ReadPageAsync(), StringComparison.Ordinal);
        }
        using var unknown = await visitor.GetAsync("/resultats/inconnue");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var wrong = await visitor.GetAsync("/resultats/car?du=2026-13");
        Assert.Contains("« Du » : « 2026-13 » n'est pas un mois", Decode(await wrong.ReadPageAsync()), StringComparison.Ordinal);

        using var csv = await visitor.GetAsync("/resultats?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("solution;indicateur;serie;mois_ou_ligne;valeur;unite;base", lines[0]);
        Assert.Equal(["car", "droits", "employeurs", "guichet", "mobilite", "reseau"], lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';')[0]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unreviewed_comments_are_erased_after_90_days_and_answers_lose_their_link_after_a_year()
    {
        var now = Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (stale, fresh, old) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await Factory.WithDbAsync(db =>
        {
            db.AddRange(
                new SatisfactionAnswer { Id = stale, Solution = "car", Day = today.AddDays(-100), Score = 3, Comment = "Jamais relu", Review = CommentReview.Pending, Channel = "Formulaire papier", RecordedAt = now.AddDays(-100) },
                new SatisfactionAnswer { Id = fresh, Solution = "car", SourceId = Guid.NewGuid(), Day = today.AddDays(-10), Score = 4, Comment = "Pas encore relu", Review = CommentReview.Pending, Channel = "Formulaire papier", RecordedAt = now.AddDays(-10) },
                new SatisfactionAnswer { Id = old, Solution = "mobilite", SourceId = Guid.NewGuid(), Day = today.AddYears(-1).AddDays(-3), Score = 5, Channel = "Par téléphone", RecordedAt = now.AddYears(-1) });
            return db.SaveChangesAsync();
        });
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<CarteBlanche.Platform.Jobs.DataRetentionJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }
        var rows = await Factory.WithDbAsync(db => db.Set<SatisfactionAnswer>().AsNoTracking().Where(a => a.Id == stale || a.Id == fresh || a.Id == old).ToDictionaryAsync(a => a.Id));
        Assert.Equal(((string?)null, CommentReview.Rejected, 3), (rows[stale].Comment, rows[stale].Review, rows[stale].Score));
        Assert.Equal(("Pas encore relu", CommentReview.Pending, true), (rows[fresh].Comment, rows[fresh].Review, rows[fresh].SourceId != null));
        Assert.Equal(((Guid?)null, 5), (rows[old].SourceId, rows[old].Score));
    }

    [Fact]
    public async Task The_evaluation_report_is_a_pdf_whose_totals_are_the_sums_of_the_csv_lines()
    {
        using var visitor = Factory.CreateBrowserClient();
        using var pdf = await visitor.GetAsync("/resultats/guichet?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF-1.4", raw, StringComparison.Ordinal);
        // The pages' text, inflated: each shown string is a « (…) Tj ».
        var shown = new List<string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(raw, @"stream\n(.*?)\nendstream", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(m.Groups[1].Value)), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(zlib, System.Text.Encoding.Latin1);
            shown.AddRange(System.Text.RegularExpressions.Regex.Matches(reader.ReadToEnd(), @"\((.*?)\) Tj").Select(t => t.Groups[1].Value));
        }
        Assert.Contains(@"Rapport d'\351valuation \227 Le guichet France Services", shown);

        var thisMonth = YearMonth.Of(Factory.Services.GetRequiredService<ParisClock>().Today);
        using var csv = await visitor.GetAsync($"/resultats/guichet?handler=Csv&du={thisMonth.AddMonths(-11)}&au={thisMonth}");
        var opened = (await csv.Content.ReadAsStringAsync()).Split("\r\n").Where(l => l.StartsWith("guichet;Personnes reçues et demandes ouvertes;Demandes ouvertes;", StringComparison.Ordinal))
            .Select(l => l.Split(';')[4]).ToList();
        Assert.Equal(12, opened.Count);
        var total = opened.Where(v => v != "secret").Sum(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(total > 0, "the demonstration data opens cases");
        // « La période en bref »: the row after the label is the total, then the number of masked months.
        var at = shown.IndexOf("Demandes ouvertes");
        Assert.Equal((total.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")).Replace('\u202F', ' '), opened.Count(v => v == "secret").ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (shown[at + 1], shown[at + 2]));
    }

    [Fact]
    public async Task The_crews_paper_forms_are_masked_below_five_and_their_comments_show_only_once_a_coordinator_published_them()
    {
        var clock = Factory.Services.GetRequiredService<ParisClock>();
        var day = clock.Today.AddMonths(-5);
        var month = YearMonth.Of(day);
        var passageId = await Factory.WithDbAsync(async db =>
        {
            var stop = await db.Set<BusStop>().FirstAsync();
            var passage = new BusPassage { StopId = stop.Id, Date = day, HalfDay = CarteBlanche.Tours.HalfDay.Morning, Start = new TimeOnly(9, 0), End = new TimeOnly(12, 0), Bus = 7, PublishedAt = clock.Now };
            db.Add(passage);
            await db.SaveChangesAsync();
            return passage.Id;
        });
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var url = $"/car/passages/{passageId}";
        async Task<string> OpinionAsync(string score, string? comment = null)
        {
            using var response = await Html.PostFormAsync(coordinator, url, [new("score", score), new("comment", comment ?? "")], url + "?handler=Opinion");
            return Decode(await response.ReadPageAsync());
        }

        Assert.Contains("Enregistrez d'abord la visite", await OpinionAsync("4"), StringComparison.Ordinal);
        (await Html.PostFormAsync(coordinator, url, [new("visitors", "6"), new("casesOpened", "0")], url + "?handler=Visit")).Dispose();
        Assert.Contains("Choisissez la note du formulaire", await OpinionAsync(""), StringComparison.Ordinal);
        Assert.Contains("Avis ajouté (1 pour ce passage).", await OpinionAsync("5", "Très bon accueil, merci Mme Durand de Pradines."), StringComparison.Ordinal);
        await OpinionAsync("4", "Rien à redire, à part le bruit de la rue des Tilleuls.");
        await OpinionAsync("4");
        await OpinionAsync("3");

        async Task<string> SatisfactionLineAsync()
        {
            using var csv = await coordinator.GetAsync($"/resultats/car?handler=Csv&du={month}&au={month}");
            return (await csv.Content.ReadAsStringAsync()).Split("\r\n").Single(l => l.StartsWith("car;Satisfaction des visiteurs;", StringComparison.Ordinal));
        }
        // Four forms in the month: not published (a neighbour could tell who).
        Assert.EndsWith($";{month};secret;note sur 5;", await SatisfactionLineAsync(), StringComparison.Ordinal);
        await OpinionAsync("4");
        Assert.EndsWith($";{month};4;note sur 5;5", await SatisfactionLineAsync(), StringComparison.Ordinal);
        await OpinionAsync("2");
        Assert.Contains("déjà 6 avis pour 6 visiteur(s)", await OpinionAsync("5"), StringComparison.Ordinal);

        // The comments wait for review: not on the public page, not for an agent to review.
        using var visitor = Factory.CreateBrowserClient();
        Assert.DoesNotContain("Très bon accueil", Decode(await (await visitor.GetAsync($"/resultats/car?du={month}&au={month}")).ReadPageAsync()), StringComparison.Ordinal);
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using (var denied = await agent.GetAsync("/resultats/avis"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        var pending = await Factory.WithDbAsync(db => db.Set<SatisfactionAnswer>().Where(a => a.SourceId == passageId && a.Comment != null).OrderBy(a => a.Score).ToListAsync());
        Assert.All(pending, a => Assert.Equal(CommentReview.Pending, a.Review));
        Assert.Contains("Très bon accueil, merci Mme Durand", Decode(await (await coordinator.GetAsync("/resultats/avis?p=1")).ReadPageAsync()), StringComparison.Ordinal);

        // Published as the coordinator edited it (the name taken out); the other one set aside after a confirmation, its text erased.
        var (street, named) = (pending[0], pending[1]);
        using (var published = await Html.PostFormAsync(coordinator, "/resultats/avis", [new("id", named.Id.ToString()), new("comment", "Très bon accueil, merci.")], "/resultats/avis?handler=Publish"))
        {
            Assert.Contains("Commentaire publié.", Decode(await published.ReadPageAsync()), StringComparison.Ordinal);
        }
        using (var asked = await Html.PostFormAsync(coordinator, "/resultats/avis", [new("id", street.Id.ToString())], "/resultats/avis?handler=Reject"))
        {
            Assert.Contains("Écarter ce commentaire ?", Decode(await asked.ReadPageAsync()), StringComparison.Ordinal);
        }
        Assert.Equal(CommentReview.Pending, await Factory.WithDbAsync(db => db.Set<SatisfactionAnswer>().Where(a => a.Id == street.Id).Select(a => a.Review).SingleAsync()));
        (await Html.PostFormAsync(coordinator, "/resultats/avis", [new("id", street.Id.ToString()), new("confirme", "oui")], "/resultats/avis?handler=Reject")).Dispose();
        var rejected = await Factory.WithDbAsync(db => db.Set<SatisfactionAnswer>().SingleAsync(a => a.Id == street.Id));
        Assert.Equal((CommentReview.Rejected, (string?)null), (rejected.Review, rejected.Comment));

        var publicPage = Decode(await (await visitor.GetAsync($"/resultats/car?du={month}&au={month}")).ReadPageAsync());
        Assert.Contains("« Très bon accueil, merci. »", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Durand", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Tilleuls", publicPage, StringComparison.Ordinal);
    }
}

public sealed class SqliteResultsTests(SqliteFactory factory) : ResultsTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresResultsTests(PostgresFactory factory) : ResultsTests(factory), IClassFixture<PostgresFactory>;
