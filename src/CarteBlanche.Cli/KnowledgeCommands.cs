using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CarteBlanche.Network.Knowledge;
using CarteBlanche.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Cli;

/// <summary>
/// `knowledge bench`: search latency over many knowledge cards. It adds synthetic validated cards to the configured
/// database (use a scratch one), times French searches of one to three words through the same query as the page,
/// prints p50/p95/p99, and deletes its cards.
/// </summary>
internal static class KnowledgeCommands
{
    private static readonly string[] Words =
    [
        "allocation", "logement", "étudiante", "familiale", "handicap", "retraite", "pension", "invalidité", "chômage", "inscription", "formation", "apprentissage",
        "santé", "complémentaire", "mutuelle", "carte", "vitale", "impôts", "déclaration", "revenus", "prime", "activité", "solidarité", "énergie", "chèque",
        "transport", "permis", "conduire", "titre", "séjour", "naturalisation", "passeport", "identité", "mariage", "divorce", "pension alimentaire", "garde",
        "enfant", "crèche", "scolarité", "bourse", "cantine", "aide sociale", "hébergement", "urgence", "dette", "surendettement", "loyer", "expulsion", "caution",
    ];

    public static Command Create()
    {
        var knowledge = new Command("knowledge", "Fiches de connaissance du réseau des partenaires.");
        var bench = new Command("bench", "Mesure la recherche sur des fiches synthétiques (base de travail).");
        var cards = new Option<int>("--cards") { DefaultValueFactory = _ => 10_000, Description = "Nombre de fiches synthétiques." };
        var queries = new Option<int>("--queries") { DefaultValueFactory = _ => 300, Description = "Nombre de recherches mesurées." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        bench.Options.Add(cards);
        bench.Options.Add(queries);
        bench.Options.Add(seed);
        bench.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
            if (!await DatabaseGuard.EnsureMigratedAsync(db, cancellationToken))
            {
                return 2;
            }
            var organisation = await db.Organisations.OrderBy(o => o.Name).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);
            var account = await db.Users.OrderBy(u => u.Email).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            if (organisation == Guid.Empty || account == Guid.Empty)
            {
                Console.Error.WriteLine("La base n'a ni organisme ni compte : lancez d'abord l'application une fois (données de démonstration).");
                return 2;
            }
            var random = new Random(parseResult.GetValue(seed));
            // A vocabulary the size of the cards' real one: the service's words and 2,000 made-up ones, so that a word
            // is on a few percent of the cards (a search finds tens of cards, not all of them).
            string[] syllables = ["ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo", "an", "on", "ir", "ul"];
            var vocabulary = Words.Concat(Enumerable.Range(0, 2000).Select(_ => string.Concat(Enumerable.Range(0, 3).Select(_ => syllables[random.Next(syllables.Length)])))).Distinct().ToArray();
            string Phrase(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
            const string BenchDomain = "BenchFiches";
            var count = parseResult.GetValue(cards);
            var watch = Stopwatch.StartNew();
            for (var done = 0; done < count; done += 1000)
            {
                db.ChangeTracker.Clear();
                for (var i = done; i < Math.Min(count, done + 1000); i++)
                {
                    var card = new KnowledgeCard
                    {
                        OrganisationId = organisation, Domain = BenchDomain, DomainLabel = "Banc d'essai", Title = Phrase(6), Question = Phrase(40), Answer = Phrase(80),
                        Status = CardStatus.Validated, ProposedBy = account, ProposedAt = DateTimeOffset.UtcNow, ReviewOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
                        UsefulVotes = random.Next(10),
                    };
                    card.Reindex();
                    db.Add(card);
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cards: {count}, insert_s: {watch.Elapsed.TotalSeconds:0.0}"));
            if (db.Database.IsNpgsql())
            {
                // What autovacuum does soon after a bulk load: without statistics, the planner may read every card and
                // compute its to_tsvector instead of using the GIN index (seconds instead of milliseconds).
                await db.Database.ExecuteSqlRawAsync("ANALYZE network_knowledge_cards", cancellationToken);
            }
            try
            {
                var times = new List<double>();
                var found = 0L;
                for (var q = 0; q < parseResult.GetValue(queries); q++)
                {
                    var query = Phrase(1 + random.Next(3)).Replace("é", "e", StringComparison.Ordinal) + (random.Next(2) == 0 ? "s" : "");
                    var one = Stopwatch.StartNew();
                    var page = await FrenchSearch.Matching(db.Set<KnowledgeCard>().AsNoTracking().Where(c => c.Status == CardStatus.Validated), query, db.Database.IsNpgsql())
                        .OrderByDescending(c => c.UsefulVotes).ThenByDescending(c => c.ValidatedAt).Take(20).Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken);
                    var total = await FrenchSearch.Matching(db.Set<KnowledgeCard>().Where(c => c.Status == CardStatus.Validated), query, db.Database.IsNpgsql()).CountAsync(cancellationToken);
                    times.Add(one.Elapsed.TotalMilliseconds);
                    found += total;
                }
                times.Sort();
                double P(double p) => times[Math.Min(times.Count - 1, (int)(p * times.Count))];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queries: {times.Count}, mean_results: {found / (double)times.Count:0}, p50_ms: {P(0.50):0.0}, p95_ms: {P(0.95):0.0}, p99_ms: {P(0.99):0.0}"));
            }
            finally
            {
                await db.Set<KnowledgeCard>().Where(c => c.Domain == BenchDomain).ExecuteDeleteAsync(cancellationToken);
            }
            return 0;
        });
        knowledge.Subcommands.Add(bench);
        return knowledge;
    }
}
