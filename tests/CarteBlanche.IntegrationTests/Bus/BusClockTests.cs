using CarteBlanche.Bus;
using CarteBlanche.IntegrationTests.Infrastructure;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace CarteBlanche.IntegrationTests.Bus;

/// <summary>The bus's timetable on a clock the tests set: Tuesday 9 March 2027 at first (the demo cycle starts on Monday 15 March).</summary>
public abstract class BusClockApp : IDisposable
{
    public static readonly DateTimeOffset Start = new(2027, 3, 9, 6, 0, 0, TimeSpan.Zero);

    protected BusClockApp(TestDatabase database)
    {
        Clock = new TestClock(Start);
        Factory = new CarteBlancheFactory(database, configureServices: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        _ = Factory.Services;
    }

    public TestClock Clock { get; }
    public CarteBlancheFactory Factory { get; }

    /// <summary>Sets the clock to this wall-clock time in Paris.</summary>
    public void SetParisTime(DateTime paris)
    {
        var target = new DateTimeOffset(paris, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris").GetUtcOffset(paris));
        Clock.Advance(target - Clock.GetUtcNow());
    }

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteBusClockApp() : BusClockApp(TestDatabase.Sqlite());

public sealed class PostgresBusClockApp(PostgresServer server) : BusClockApp(TestDatabase.Postgres(server, "busclock"));

public abstract class BusClockTests(BusClockApp app)
{
    private static readonly System.Globalization.CultureInfo Fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
    private static readonly DateOnly Tuesday = new(2027, 3, 9);

    // Item 14: at 14 h, that morning's passage is over: it is no longer "the next one".
    [Fact]
    public async Task A_passage_that_is_over_is_no_longer_the_next_one()
    {
        var stop = await app.Factory.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Where(p => p.Status == PassageStatus.Scheduled && p.Date > Tuesday)
            .OrderBy(p => p.Date).ThenBy(p => p.HalfDay).Select(p => p.Stop!).FirstAsync());
        await app.Factory.WithDbAsync(db =>
        {
            db.Add(new BusPassage { StopId = stop.Id, Date = Tuesday, HalfDay = CarteBlanche.Tours.HalfDay.Morning, Start = new TimeOnly(9, 0), End = new TimeOnly(12, 0), Bus = 9, PublishedAt = BusClockApp.Start });
            return db.SaveChangesAsync();
        });
        var later = await app.Factory.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Where(p => p.StopId == stop.Id && p.Date > Tuesday && p.Status == PassageStatus.Scheduled).OrderBy(p => p.Date).FirstAsync());
        using var anonymous = app.Factory.CreateBrowserClient();
        async Task<string> NextAsync()
        {
            var page = await (await anonymous.GetAsync($"/car/communes/{stop.CommuneInseeCode}")).ReadPageAsync();
            return System.Text.RegularExpressions.Regex.Match(page, @"<p class=""fr-text--lead"" id=""prochain-passage"">([^<]*)</p>").Groups[1].Value;
        }

        app.SetParisTime(new DateTime(2027, 3, 9, 8, 0, 0));
        Assert.Contains("le mardi 9 mars, de 9 h à 12 h.", await NextAsync(), StringComparison.Ordinal);
        app.SetParisTime(new DateTime(2027, 3, 9, 10, 30, 0)); // under way: still the one to go to
        Assert.Contains("le mardi 9 mars, de 9 h à 12 h.", await NextAsync(), StringComparison.Ordinal);

        app.SetParisTime(new DateTime(2027, 3, 9, 14, 0, 0));
        var next = await NextAsync();
        Assert.DoesNotContain("mardi 9 mars", next, StringComparison.Ordinal);
        Assert.Contains($"le {later.Date.ToString("dddd d MMMM", Fr)}, de {PassageView.Hour(later.Start)} à {PassageView.Hour(later.End)}.", next, StringComparison.Ordinal);
        var list = await (await anonymous.GetAsync($"/car/communes/{stop.CommuneInseeCode}")).ReadPageAsync();
        Assert.DoesNotContain("mardi 9 mars 2027", list, StringComparison.Ordinal);
    }

    // Item 13: the published cycle repeats until replaced: weeks later, the public pages still show four weeks.
    [Fact]
    public async Task The_published_cycle_keeps_repeating_as_the_weeks_pass()
    {
        // A subscription request made now and never confirmed.
        app.SetParisTime(new DateTime(2027, 3, 9, 8, 0, 0));
        var email = $"jamais.{Guid.NewGuid():N}@exemple.fr";
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SubscriptionRequests>().RequestAsync("46224", "Pradines", SubscriptionChannel.Email, email, "http://localhost", CancellationToken.None));

        app.SetParisTime(new DateTime(2027, 4, 13, 8, 0, 0)); // five weeks on: what was written at publication ends on 20 April
        var today = new DateOnly(2027, 4, 13);
        async Task<int> RunJobAsync() => await app.Factory.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<BusTimetableJob>().RunAsync(CancellationToken.None);
            return await sp.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>().Set<BusPassage>().CountAsync();
        });
        var count = await RunJobAsync();
        Assert.Equal(count, await RunJobAsync()); // once carried on, running again writes nothing
        Assert.False(await app.Factory.WithDbAsync(db => db.Set<BusSubscription>().AnyAsync(s => s.Address == email)), "an unconfirmed request is wiped after a week");

        var passages = await app.Factory.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Include(p => p.Stop).Where(p => p.Bus == 0 && p.Date >= new DateOnly(2027, 3, 15)).ToListAsync());
        var cycle = passages.Where(p => p.Date <= new DateOnly(2027, 3, 26)).ToList();
        var weeksAhead = passages.Where(p => p.Date > today.AddDays(14) && p.Date <= today.AddDays(28) && p.Status == PassageStatus.Scheduled).OrderBy(p => p.Date).ToList();
        Assert.NotEmpty(weeksAhead);
        // Each repetition is a passage of the cycle, the same stop, weekday and half-day, a whole number of cycles (14 days) later.
        Assert.All(weeksAhead, r => Assert.Contains(cycle, c => c.StopId == r.StopId && c.HalfDay == r.HalfDay && (r.Date.DayNumber - c.Date.DayNumber) % 14 == 0));
        Assert.DoesNotContain(passages, p => p.Date == new DateOnly(2027, 5, 6)); // Ascension: no passage

        using var anonymous = app.Factory.CreateBrowserClient();
        var last = weeksAhead[^1];
        var tour = await (await anonymous.GetAsync("/car")).ReadPageAsync();
        Assert.Contains(last.Date.ToString("dddd d MMMM", Fr), tour, StringComparison.Ordinal);
        var commune = await (await anonymous.GetAsync($"/car/communes/{last.Stop!.CommuneInseeCode}")).ReadPageAsync();
        Assert.Contains(last.Date.ToString("dddd d MMMM yyyy", Fr), commune, StringComparison.Ordinal);
        var calendar = Calendar.Load(await anonymous.GetStringAsync("/car/tournee.ics"))!;
        Assert.Contains(calendar.Events, e => e.Uid == $"{last.Id:D}@carteblanche");
        Assert.All(calendar.Events, e => Assert.InRange(DateOnly.FromDateTime(e.Start!.Value), today, today.AddDays(28)));
    }
}

public sealed class SqliteBusClockTests(SqliteBusClockApp app) : BusClockTests(app), IClassFixture<SqliteBusClockApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresBusClockTests(PostgresBusClockApp app) : BusClockTests(app), IClassFixture<PostgresBusClockApp>;
