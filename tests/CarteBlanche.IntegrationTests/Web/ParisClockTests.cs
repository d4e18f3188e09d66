using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Procedures;
using CarteBlanche.Desk.Residents;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace CarteBlanche.IntegrationTests.Web;

/// <summary>
/// The app on a server whose own time zone is UTC, at 00:30 in Paris on Tuesday 8 December 2026
/// (23:30 UTC on Monday 7): the server's "today" is still Monday, Paris's is Tuesday. Every date
/// the product decides or shows must be Paris's.
/// </summary>
public abstract class ParisMidnightApp : IDisposable
{
    public static readonly DateTimeOffset HalfPastMidnightInParis = new(2026, 12, 7, 23, 30, 0, TimeSpan.Zero);

    protected ParisMidnightApp(TestDatabase database)
    {
        Clock = new TestClock(HalfPastMidnightInParis, serverTimeZone: TimeZoneInfo.Utc);
        Factory = new CarteBlancheFactory(database, configureServices: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        _ = Factory.Services;
    }

    public TestClock Clock { get; }
    public CarteBlancheFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteParisMidnightApp() : ParisMidnightApp(TestDatabase.Sqlite());

public sealed class PostgresParisMidnightApp(PostgresServer server) : ParisMidnightApp(TestDatabase.Postgres(server, "parisclock"));

public abstract class ParisClockTests(ParisMidnightApp app)
{
    private CarteBlancheFactory Factory => app.Factory;

    [Fact]
    public async Task A_resident_born_today_in_Paris_is_not_born_in_the_future()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var last = "Minuit-" + Guid.NewGuid().ToString("N")[..6];
        using var response = await Html.PostFormAsync(agent, "/usagers/nouveau",
            [new("Input.FirstName", "Noé"), new("Input.LastName", last), new("Input.BirthDate", "08/12/2026"), new("Input.PreferredChannel", "InPerson")]);
        var page = await response.ReadPageAsync();

        Assert.DoesNotContain("dans le futur", page, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.Set<Resident>().AnyAsync(r => r.LastName == last)));

        using var tomorrow = await Html.PostFormAsync(agent, "/usagers/nouveau",
            [new("Input.FirstName", "Noé"), new("Input.LastName", last + "b"), new("Input.BirthDate", "09/12/2026"), new("Input.PreferredChannel", "InPerson")]);
        Assert.Contains("La date de naissance est dans le futur.", await tomorrow.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_due_yesterday_in_Paris_shows_late_on_its_page()
    {
        var (residentId, caseId) = await CaseDueOnAsync(new DateOnly(2026, 12, 7));
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));

        var page = await (await agent.GetAsync($"/demandes/{caseId}")).ReadPageAsync();
        Assert.Contains("En retard", page, StringComparison.Ordinal);
        // The referral date offered by default is Paris's today.
        Assert.Contains("value=\"2026-12-08\"", page, StringComparison.Ordinal);

        var residentPage = await (await agent.GetAsync($"/usagers/{residentId}")).ReadPageAsync();
        Assert.Contains("En retard", residentPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coaching_session_recorded_after_midnight_is_dated_today_in_Paris()
    {
        var (residentId, _) = await CaseDueOnAsync(new DateOnly(2026, 12, 20));
        var procedure = await Factory.WithDbAsync(db => db.Set<Procedure>().OrderBy(p => p.Code).Select(p => p.Code).FirstAsync());
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));

        using var saved = await Html.PostFormAsync(agent, $"/usagers/{residentId}/accompagnement",
            [new("ProcedureCode", procedure), new("Succeeded", "true")]);
        var page = await saved.ReadPageAsync();

        Assert.Contains("Accompagnement enregistré.", page, StringComparison.Ordinal);
        Assert.Contains("8 décembre 2026", page, StringComparison.Ordinal);
        Assert.DoesNotContain("7 décembre 2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_home_page_says_when_each_France_Services_opens_in_Paris_time()
    {
        using var visitor = Factory.CreateBrowserClient();
        var night = await (await visitor.GetAsync("/")).ReadPageAsync();
        Assert.Contains("fermé en ce moment, ouvre aujourd'hui à 9 h", night, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(10)); // 10:30 on Tuesday in Paris
        try
        {
            var morning = await (await visitor.GetAsync("/")).ReadPageAsync();
            Assert.Contains("ouvert en ce moment", morning, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromHours(-10));
        }
    }

    private async Task<(Guid ResidentId, Guid CaseId)> CaseDueOnAsync(DateOnly due)
    {
        return await Factory.WithDbAsync(async db =>
        {
            var agent = await db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Agent)).Select(u => new { u.Id, u.SiteId }).SingleAsync();
            var resident = new Resident
            {
                FirstName = "Léa",
                LastName = "Minuit-" + Guid.NewGuid().ToString("N")[..6],
                BirthDate = new DateOnly(1950, 1, 1),
                SiteId = agent.SiteId!.Value,
                CreatedAt = ParisMidnightApp.HalfPastMidnightInParis.AddDays(-7),
                CreatedBy = agent.Id,
            };
            resident.RefreshSearchFields();
            var @case = new Case
            {
                ResidentId = resident.Id,
                SiteId = agent.SiteId!.Value,
                PlaceId = agent.SiteId!.Value,
                OwnerId = agent.Id,
                OpenedAt = ParisMidnightApp.HalfPastMidnightInParis.AddDays(-6),
                DueDate = due,
                Needs = [new Need { Domain = NeedDomain.Retraite, Description = "Relevé de carrière" }],
            };
            db.AddRange(resident, @case);
            await db.SaveChangesAsync();
            return (resident.Id, @case.Id);
        });
    }
}

public sealed class SqliteParisClockTests(SqliteParisMidnightApp app) : ParisClockTests(app), IClassFixture<SqliteParisMidnightApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresParisClockTests(PostgresParisMidnightApp app) : ParisClockTests(app), IClassFixture<PostgresParisMidnightApp>;
