using System.Net;
using CarteBlanche.Employers.Evaluation;
using CarteBlanche.Employers.Firms;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Employers;

/// <summary>The experiment's evaluation through its pages: time noted by the experts, the firms' opinions, the report and its CSV; on SQLite and PostgreSQL.</summary>
public abstract class EvaluationTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    private static string Decode(string html) => EmployersPages.Decode(html);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> NoteTimeAsync(HttpClient expert, Guid? firm, string function, DateOnly day, string duration, string note = "") =>
        Html.PostFormAsync(expert, "/employeurs/temps",
            [new("entreprise", firm?.ToString() ?? ""), new("Function", function), new("Day", Day(day)), new("Duration", duration), new("Note", note)]);

    [Fact]
    public async Task An_expert_notes_time_in_a_line_bad_durations_and_dates_are_refused_in_french_and_a_line_is_deleted_only_once_confirmed()
    {
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var siret = EmployersPages.NewSiret();
        var firm = await EmployersPages.EnrolAsync(expert, $"Scierie de Varaire {siret[..5]}", siret);
        var today = EmployersPages.Today;

        using (var bad = await NoteTimeAsync(expert, firm, "Recruitment", today, "1 h 75"))
        {
            Assert.Contains("Durée : écrivez-la comme « 1 h 30 », « 45 min » ou « 2 h ».", Decode(await bad.ReadPageAsync()), StringComparison.Ordinal);
        }
        using (var future = await NoteTimeAsync(expert, firm, "Recruitment", today.AddDays(2), "1 h"))
        {
            Assert.Contains("n'est pas encore arrivé", Decode(await future.ReadPageAsync()), StringComparison.Ordinal);
        }
        using (var noFirm = await NoteTimeAsync(expert, null, "", today, "13 h"))
        {
            var html = Decode(await noFirm.ReadPageAsync());
            Assert.Contains("Entreprise : choisissez une entreprise que vous suivez.", html, StringComparison.Ordinal);
            Assert.Contains("Fonction : choisissez la fonction exercée", html, StringComparison.Ordinal);
            Assert.Contains("Durée : 13 h dépasse 12 h pour une journée", html, StringComparison.Ordinal);
        }
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<TimeEntry>().CountAsync(t => t.FirmId == firm)));

        using (var first = await NoteTimeAsync(expert, firm, "Recruitment", today, "1 h 30", "Fiche de poste"))
        {
            var html = Decode(await first.ReadPageAsync());
            Assert.Contains("1 h 30 notées pour Scierie de Varaire", html, StringComparison.Ordinal);
            Assert.Contains("Fiche de poste", html, StringComparison.Ordinal);
        }
        using (var second = await NoteTimeAsync(expert, firm, "Payroll", today, "45 min"))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }
        var entries = await Factory.WithDbAsync(db => db.Set<TimeEntry>().Where(t => t.FirmId == firm).OrderBy(t => t.Minutes).ToListAsync());
        Assert.Equal([45, 90], entries.Select(t => t.Minutes));
        Assert.Equal(HrFunctions.Payroll, entries[0].Function);

        // Another expert cannot note time for a firm they do not follow, nor delete the first expert's line.
        var stranger = await EmployersPages.CreateExpertAsync(Factory);
        using var strangerClient = await Factory.SignedInClientAsync(stranger.Email);
        using (var refused = await NoteTimeAsync(strangerClient, firm, "Payroll", today, "1 h"))
        {
            Assert.Contains("Entreprise : choisissez une entreprise que vous suivez.", Decode(await refused.ReadPageAsync()), StringComparison.Ordinal);
        }
        using (var notTheirs = await Html.PostFormAsync(strangerClient, "/employeurs/temps", [new("confirme", "oui")], $"/employeurs/temps?handler=Delete&entry={entries[0].Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }

        using (var asked = await Html.PostFormAsync(expert, "/employeurs/temps", [], $"/employeurs/temps?handler=Delete&entry={entries[0].Id}"))
        {
            Assert.Contains("Supprimer la ligne de temps (45 min du", Decode(await asked.ReadPageAsync()), StringComparison.Ordinal);
        }
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Set<TimeEntry>().CountAsync(t => t.FirmId == firm)));
        using (var deleted = await Html.PostFormAsync(expert, "/employeurs/temps", [new("confirme", "oui")], $"/employeurs/temps?handler=Delete&entry={entries[0].Id}"))
        {
            Assert.Contains("Ligne de temps supprimée (45 min du", Decode(await deleted.ReadPageAsync()), StringComparison.Ordinal);
        }
        Assert.Equal([90], await Factory.WithDbAsync(db => db.Set<TimeEntry>().Where(t => t.FirmId == firm).Select(t => t.Minutes).ToListAsync()));
    }

    [Fact]
    public async Task The_firm_owner_gives_their_opinion_and_a_wrong_amount_is_refused_with_nothing_stored()
    {
        var demo = await Factory.WithDbAsync(db => db.Set<Firm>().SingleAsync(f => f.Siret == EmployersDemoData.DemoSiret));
        using var owner = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.FirmOwner));
        using (var page = await owner.GetAsync($"/employeurs/{demo.Id}"))
        {
            Assert.Contains("Donner votre avis sur le service", Decode(await page.ReadPageAsync()), StringComparison.Ordinal);
        }
        var before = await Factory.WithDbAsync(db => db.Set<FirmFeedback>().CountAsync(f => f.FirmId == demo.Id));
        using (var bad = await Html.PostFormAsync(owner, $"/employeurs/{demo.Id}/avis", [new("WouldCoFinance", "true"), new("Amount", "beaucoup")]))
        {
            var html = Decode(await bad.ReadPageAsync());
            Assert.Contains("Satisfaction : choisissez une réponse", html, StringComparison.Ordinal);
            Assert.Contains("Montant par mois : écrivez un montant en euros entre 1 et 10 000", html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Set<FirmFeedback>().CountAsync(f => f.FirmId == demo.Id)));

        using var given = await Html.PostFormAsync(owner, $"/employeurs/{demo.Id}/avis",
            [new("Satisfaction", "5"), new("WouldCoFinance", "true"), new("Amount", "120,50"), new("Comment", "Les bulletins arrivent à l'heure.")]);
        Assert.Contains("Merci : votre avis est enregistré.", Decode(await given.ReadPageAsync()), StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.Set<FirmFeedback>().Where(f => f.FirmId == demo.Id).OrderByDescending(f => f.RecordedAt).FirstAsync());
        Assert.Equal(5, stored.Satisfaction);
        Assert.Equal(120.50m, stored.CoFinancingPerMonth);
        Assert.True(stored.GivenByFirm);

        // The owner reads no evaluation report: it is the service's.
        using var report = await owner.GetAsync("/employeurs/evaluation");
        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
    }

    [Fact]
    public async Task The_report_gives_each_firms_time_per_function_satisfaction_and_co_financing_on_the_page_and_in_csv_and_only_for_the_experts_firms()
    {
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var siret = EmployersPages.NewSiret();
        var name = $"Tonnellerie de Limogne {siret[..5]}";
        var firm = await EmployersPages.EnrolAsync(expert, name, siret);
        var today = EmployersPages.Today;
        (await NoteTimeAsync(expert, firm, "Recruitment", today, "2 h")).Dispose();
        (await NoteTimeAsync(expert, firm, "Recruitment", today, "1 h 30")).Dispose();
        (await NoteTimeAsync(expert, firm, "Formalities", today, "0,5")).Dispose();
        (await Html.PostFormAsync(expert, $"/employeurs/{firm}/avis", [new("Satisfaction", "4"), new("WouldCoFinance", "true"), new("Amount", "60")])).Dispose();
        (await Html.PostFormAsync(expert, $"/employeurs/{firm}/avis", [new("Satisfaction", "3"), new("WouldCoFinance", "false")])).Dispose();

        var query = $"du={Day(new DateOnly(today.Year, 1, 1))}&au={Day(today)}&entreprise={firm}";
        using (var page = await expert.GetAsync($"/employeurs/evaluation?{query}"))
        {
            var html = Decode(await page.ReadPageAsync());
            Assert.Contains($"pour {name}", html, StringComparison.Ordinal);
            Assert.Contains("<dt>dont recrutement</dt><dd>3 h 30</dd>", html, StringComparison.Ordinal);
            Assert.Contains("<dt>dont formalités rh</dt><dd>30 min</dd>", html, StringComparison.Ordinal);
            Assert.Contains("3,5 sur 5 (2 avis)", html, StringComparison.Ordinal);
            // The latest answer counts: the firm said no the second time.
            Assert.Contains("0 entreprise sur 1 ayant répondu", html, StringComparison.Ordinal);
        }
        using (var csv = await expert.GetAsync($"/employeurs/evaluation?handler=Csv&{query}"))
        {
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("Entreprise;SIRET;Étape;Inscrite le;Mois accompagnés;Heures recrutement;Heures suivi des parcours;Heures paie;Heures formalités rh;Heures au total", lines[0], StringComparison.Ordinal);
            var fields = lines[1].Split(';');
            Assert.Equal(name, fields[0]);
            Assert.Equal(siret, fields[1]);
            Assert.Equal(["3,5", "0", "0", "0,5", "4"], fields[5..10]);
            Assert.Equal("3,5", fields[^2]);
            Assert.Equal("0,00", fields[^1]);
            Assert.StartsWith("Total;", lines[^1], StringComparison.Ordinal);
        }

        // Another expert's report does not hold the firm.
        var stranger = await EmployersPages.CreateExpertAsync(Factory);
        using var strangerClient = await Factory.SignedInClientAsync(stranger.Email);
        using var theirs = await strangerClient.GetAsync($"/employeurs/evaluation?{query}");
        var theirsHtml = Decode(await theirs.ReadPageAsync());
        Assert.DoesNotContain(name, theirsHtml, StringComparison.Ordinal);
        Assert.Contains("Aucune entreprise : le bilan porte sur les entreprises que vous suivez.", theirsHtml, StringComparison.Ordinal);
        using var notTheirs = await strangerClient.GetAsync($"/employeurs/{firm}/avis");
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
    }
}

public sealed class SqliteEvaluationTests(SqliteFactory factory) : EvaluationTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEvaluationTests(PostgresFactory factory) : EvaluationTests(factory), IClassFixture<PostgresFactory>;
