using System.Net;
using System.Text;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Desk.Retention;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Desk;

/// <summary>The desk's retention job and what the resident page says about it; on SQLite and PostgreSQL.</summary>
public abstract class RetentionTests(CarteBlancheFactory factory)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task Old_closed_cases_are_wiped_with_their_resident_recent_ones_are_kept_and_the_figures_still_count_them()
    {
        var now = DateTimeOffset.UtcNow;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (siteId, agentId) = await Factory.WithDbAsync(async db =>
            (await db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync(),
             await db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Agent)).Select(u => u.Id).SingleAsync()));
        Resident NewResident(string first, DateTimeOffset createdAt)
        {
            var r = new Resident
            {
                FirstName = first, LastName = "Oubli-" + suffix, BirthDate = new DateOnly(1950, 1, 1), Phone = "05 65 40 00 00",
                SiteId = siteId, CreatedAt = createdAt, CreatedBy = agentId,
            };
            r.RefreshSearchFields();
            return r;
        }
        Case Closed(Resident r, DateTimeOffset opened, DateTimeOffset closed, string text)
        {
            var c = new Case
            {
                ResidentId = r.Id, SiteId = siteId, PlaceId = siteId, OwnerId = agentId, OpenedAt = opened, DueDate = DateOnly.FromDateTime(opened.UtcDateTime.AddDays(7)),
                Needs = [new Need { Domain = NeedDomain.Justice, Description = $"{text} : litige personnel" }],
            };
            Assert.Null(c.Refer($"{text} : point-justice", DateOnly.FromDateTime(opened.UtcDateTime)));
            Assert.Null(c.RecordReferralOutcome($"{text} : rendez-vous obtenu"));
            Assert.Null(c.ReturnAnswer(ContactChannel.Phone, closed.AddHours(-1)));
            Assert.Null(c.Close(CaseOutcome.Resolved, $"{text} : merci", closed));
            return c;
        }
        var gone = NewResident("Ancien", now.AddMonths(-16));
        var kept = NewResident("Fidèle", now.AddMonths(-16));
        var neverServed = NewResident("Passant", now.AddMonths(-13));
        var newcomer = NewResident("Nouveau", now.AddMonths(-1));
        var oldCase = Closed(gone, now.AddMonths(-15), now.AddMonths(-14), "ancien");
        var keptOldCase = Closed(kept, now.AddMonths(-13).AddDays(-5), now.AddMonths(-13), "fidèle ancien");
        var recentCase = Closed(kept, now.AddMonths(-3), now.AddMonths(-2), "fidèle récent");
        Case[] cases = [oldCase, keptOldCase, recentCase];
        await Factory.WithDbAsync(db =>
        {
            db.AddRange(gone, kept, neverServed, newcomer);
            db.AddRange(cases);
            foreach (var c in cases)
            {
                db.Add(new CaseEvent { CaseId = c.Id, At = c.OpenedAt, ActorId = agentId, Text = "Demande ouverte" });
                db.Add(new ContactRecord { ResidentId = c.ResidentId!.Value, CaseId = c.Id, At = c.AnswerReturnedAt!.Value, Channel = ContactChannel.Phone, Summary = "Réponse personnelle", AgentId = agentId });
            }
            db.Add(new ContactRecord { ResidentId = gone.Id, At = now.AddMonths(-15), Channel = ContactChannel.Phone, Summary = "Appel sans demande", AgentId = agentId });
            return db.SaveChangesAsync();
        });

        await RunJobAsync();
        await RunJobAsync(); // idempotent

        var residentIds = new[] { gone.Id, kept.Id, neverServed.Id, newcomer.Id };
        var left = await Factory.WithDbAsync(db => db.Set<Resident>().Where(r => residentIds.Contains(r.Id)).Select(r => r.FirstName).ToListAsync());
        Assert.Equal(["Fidèle", "Nouveau"], left.Order());
        var caseIds = cases.Select(c => c.Id).ToList();
        var stored = await Factory.WithDbAsync(db => db.Set<Case>().AsNoTracking().Include(c => c.Needs).Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id));
        foreach (var wiped in new[] { stored[oldCase.Id], stored[keptOldCase.Id] })
        {
            Assert.NotNull(wiped.WipedAt);
            Assert.Equal("", wiped.Needs.Single().Description);
            Assert.Equal(NeedDomain.Justice, wiped.Needs.Single().Domain);
            Assert.Null(wiped.ReferredTo);
            Assert.Null(wiped.ReferralOutcome);
            Assert.Null(wiped.ClosingReason);
            // The anonymous facts stay.
            Assert.Equal((CaseState.Closed, CaseOutcome.Resolved, ResolutionPath.Referred), (wiped.State, wiped.Outcome, wiped.Path));
            Assert.NotNull(wiped.AnswerReturnedAt);
        }
        Assert.Null(stored[oldCase.Id].ResidentId);
        Assert.Equal(kept.Id, stored[keptOldCase.Id].ResidentId);
        var recent = stored[recentCase.Id];
        Assert.Null(recent.WipedAt);
        Assert.Equal("fidèle récent : litige personnel", recent.Needs.Single().Description);
        Assert.Equal("fidèle récent : merci", recent.ClosingReason);
        var events = await Factory.WithDbAsync(db => db.Set<CaseEvent>().Where(e => caseIds.Contains(e.CaseId)).Select(e => e.CaseId).ToListAsync());
        Assert.Equal([recentCase.Id], events);
        var contacts = await Factory.WithDbAsync(db => db.Set<ContactRecord>().Where(r => r.ResidentId == gone.Id || r.ResidentId == kept.Id).Select(r => r.CaseId).ToListAsync());
        Assert.Equal([(Guid?)recentCase.Id], contacts);

        // One journal entry per wiped case and per deleted resident, even after two runs.
        var journal = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "case.retention-wipe" || e.Action == "resident.retention-delete")
            .Select(e => e.RecordId!).ToListAsync());
        Assert.Equal(1, journal.Count(id => id == oldCase.Id.ToString("D")));
        Assert.Equal(1, journal.Count(id => id == keptOldCase.Id.ToString("D")));
        Assert.Equal(1, journal.Count(id => id == gone.Id.ToString("D")));
        Assert.Equal(1, journal.Count(id => id == neverServed.Id.ToString("D")));
        Assert.DoesNotContain(recentCase.Id.ToString("D"), journal);
        Assert.DoesNotContain(kept.Id.ToString("D"), journal);

        // The agent still sees the wiped case, without anything personal; the deleted resident is gone.
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var wipedPage = await agent.GetAsync($"/demandes/{oldCase.Id}");
        var wipedHtml = await wipedPage.ReadPageAsync();
        Assert.Equal(HttpStatusCode.OK, wipedPage.StatusCode);
        Assert.Contains("données personnelles effacées", wipedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("ancien :", wipedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Oubli-" + suffix, wipedHtml, StringComparison.Ordinal);
        using var gonePage = await agent.GetAsync($"/usagers/{gone.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gonePage.StatusCode);

        // The resident page says until when the rest is kept: the last closing plus 12 months.
        using var keptPage = await agent.GetAsync($"/usagers/{kept.Id}");
        var until = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(recent.ClosedAt!.Value.AddMonths(12), Paris).DateTime);
        Assert.Contains($"Données conservées jusqu'au {until.ToString("d MMMM yyyy", FrenchFormat.Culture)}", await keptPage.ReadPageAsync(), StringComparison.Ordinal);

        // The figures still count the wiped case, in the month it was opened.
        var month = YearMonth.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(oldCase.OpenedAt, Paris).DateTime));
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        using var csvResponse = await coordinator.GetAsync($"/chiffres?handler=Csv&lieu={siteId}&du={month}&au={month}");
        var lines = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        var header = lines[0].Split(';');
        var row = lines[1].Split(';');
        Assert.Equal(month.ToString(), row[0]);
        Assert.Equal("1", row[Array.IndexOf(header, "Demandes ouvertes")]);
        Assert.Equal("1", row[Array.IndexOf(header, "Domaine : Justice")]);
    }

    [Fact]
    public async Task While_a_case_is_open_the_resident_page_says_the_data_is_kept_and_the_job_keeps_it()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var (siteId, agentId) = await Factory.WithDbAsync(async db =>
            (await db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync(),
             await db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Agent)).Select(u => u.Id).SingleAsync()));
        var resident = new Resident
        {
            FirstName = "Lucienne", LastName = "Attente-" + Guid.NewGuid().ToString("N")[..6], BirthDate = new DateOnly(1939, 9, 9),
            SiteId = siteId, CreatedAt = DateTimeOffset.UtcNow.AddMonths(-30), CreatedBy = agentId,
        };
        resident.RefreshSearchFields();
        var openedLongAgo = new Case
        {
            ResidentId = resident.Id, SiteId = siteId, PlaceId = siteId, OwnerId = agentId, OpenedAt = DateTimeOffset.UtcNow.AddMonths(-20),
            DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-20)), Needs = [new Need { Domain = NeedDomain.Retraite, Description = "Dossier en cours" }],
        };
        await Factory.WithDbAsync(db =>
        {
            db.AddRange(resident, openedLongAgo);
            return db.SaveChangesAsync();
        });

        await RunJobAsync();

        using var page = await agent.GetAsync($"/usagers/{resident.Id}");
        Assert.Contains("Données conservées tant qu'une demande est ouverte, puis 12 mois après la clôture de la dernière.", await page.ReadPageAsync(), StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.Set<Case>().Include(c => c.Needs).SingleAsync(c => c.Id == openedLongAgo.Id));
        Assert.Equal("Dossier en cours", stored.Needs.Single().Description);
        Assert.Null(stored.WipedAt);
    }

    private Task RunJobAsync() => Factory.InScopeAsync(sp => sp.GetRequiredService<DeskRetentionJob>().RunAsync(CancellationToken.None));

}

public sealed class SqliteRetentionTests(SqliteFactory factory) : RetentionTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionTests(PostgresFactory factory) : RetentionTests(factory), IClassFixture<PostgresFactory>;

public sealed class RetentionSettingTests
{
    [Fact]
    public async Task A_retention_period_out_of_range_fails_at_start_naming_the_setting()
    {
        await using var app = new CarteBlancheFactory(TestDatabase.Sqlite(), settings: new Dictionary<string, string>
        {
            ["Desk:RetentionMonths"] = "0",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Desk:RetentionMonths", error.ToString(), StringComparison.Ordinal);
    }
}
