using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using CarteBlanche.Bus;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Mobility.Networks;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace CarteBlanche.IntegrationTests.Reliability;

/// <summary>
/// The web app as a process of its own (<see cref="AppProcess"/>), killed with SIGKILL in the middle of its work and
/// started again on the same database: sending the outbox, publishing a bus plan, putting a GTFS feed in service.
/// Nothing is lost, nothing is done twice, nothing is left half-written, and the audit journal still verifies; on
/// SQLite and PostgreSQL. The moment of the kill is found by watching what the app leaves behind (files in the pickup
/// directory, a statement held inside the app's transaction), not by sleeping.
/// </summary>
public abstract class CrashAndRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string MarkerSubject = "Panne et reprise";
    private readonly List<AppProcess> _started = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A failed test leaves no app running.</summary>
    public async Task DisposeAsync()
    {
        foreach (var app in _started)
        {
            await app.DisposeAsync();
        }
    }

    private async Task<AppProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, bool waitUntilReady = true)
    {
        var app = await AppProcess.StartAsync(database, settings, waitUntilReady);
        _started.Add(app);
        return app;
    }

    protected abstract TestDatabase NewDatabase();

    /// <summary>
    /// With a pickup directory, a message is a file named by its outbox id; the sender claims a message, writes it, then
    /// marks it Sent, one message after the other. Killed in between, the restarted app sends what was left once its
    /// claim has expired (Notifications:ClaimDuration), and leaves alone what was marked.
    /// <para>
    /// What « exactly once » means here: every message ends Sent, with one file, and no message marked Sent before
    /// the kill is written again. The message the killed app had written but not yet marked (at most one: the sender
    /// goes one message at a time) is written again after the restart: with a real SMTP server the delivery is
    /// at-least-once, the one message in flight at the crash may reach its recipient twice. Its Message-ID is derived
    /// from the outbox id (&lt;id@carteblanche&gt;, MailKitEmailSender), so the second copy carries the same Message-ID
    /// as the first and mail software can recognise it as a duplicate.
    /// </para>
    /// </summary>
    [Fact]
    public async Task The_outbox_sender_killed_while_sending_delivers_every_message_after_the_restart_and_none_marked_sent_again()
    {
        const int Messages = 600;
        using var database = NewDatabase();
        await using var host = new CarteBlancheFactory(database, ownsDatabase: false);
        var ids = await host.InScopeAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<Outbox>();
            var queued = Enumerable.Range(0, Messages)
                .Select(i => outbox.QueueEmail(string.Create(CultureInfo.InvariantCulture, $"usager{i}@example.fr"), MarkerSubject, string.Create(CultureInfo.InvariantCulture, $"Message numéro {i}.")).Id)
                .ToList();
            await sp.GetRequiredService<CarteBlancheDbContext>().SaveChangesAsync();
            return queued.ToHashSet();
        });
        var sender = new Dictionary<string, string>
        {
            ["Notifications:SenderEnabled"] = "true",
            ["Notifications:PollInterval"] = "00:00:00.050",
            // The shortest claim the options allow: what the killed app claimed is free again 10 s later.
            ["Notifications:ClaimDuration"] = "00:00:10",
        };

        // The sender starts with the app, before it listens: the files are watched from the start. It takes the due
        // messages 20 at a time (OutboxSender.BatchSize) and pauses between passes: the kill falls inside a pass, once a
        // tenth of the messages are written and the count is not a multiple of 20.
        var watch = Stopwatch.StartNew();
        await using (var app = await StartAsync(database, sender, waitUntilReady: false))
        {
            while (Delivered(database, ids).Count is var count && (count < Messages / 10 || count % 20 == 0))
            {
                Assert.False(app.HasExited, "the app stopped:\n" + app.Output);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(45), $"the sender was not caught in the middle of a pass in 45 s ({count} written):\n" + app.Output);
                await Task.Delay(1);
            }
            await app.KillAsync();
        }

        // Frozen: what the dead app wrote and what it marked.
        var written = Delivered(database, ids);
        var atKill = await host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject == MarkerSubject).ToListAsync());
        var sentBefore = atKill.Where(m => m.Status == OutboxStatus.Sent).Select(m => m.Id).ToHashSet();
        Assert.InRange(written.Count, Messages / 10, Messages - 1);
        Assert.Subset(written.Keys.ToHashSet(), sentBefore); // a message is marked only once written
        var inFlight = written.Keys.Where(id => !sentBefore.Contains(id)).ToList();
        Assert.InRange(inFlight.Count, 0, 1);
        Assert.InRange(atKill.Count(m => m.Status == OutboxStatus.Pending && m.ClaimedUntil != null), 0, 1);
        output.WriteLine($"killed after {watch.Elapsed.TotalSeconds:0.0} s: {written.Count} of {Messages} written, {sentBefore.Count} marked sent, {inFlight.Count} written and not marked");

        await using (var restarted = await StartAsync(database, sender))
        {
            watch.Restart();
            while (await host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject == MarkerSubject && m.Status != OutboxStatus.Sent)) > 0)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(45), "not every message was sent 45 s after the restart:\n" + restarted.Output);
                await Task.Delay(100);
            }
            output.WriteLine($"all sent {watch.Elapsed.TotalSeconds:0.0} s after the restart began");
        }

        var messages = await host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject == MarkerSubject).ToListAsync());
        Assert.Equal(Messages, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(1, m.Attempts); // the crash is not a failed attempt: nobody got an error
            Assert.Null(m.LastError);
        });
        var files = Delivered(database, ids);
        Assert.Equal(ids.Order(), files.Keys.Order()); // one file per message: none lost
        Assert.Empty(Directory.EnumerateFiles(database.MailDirectory, "*.tmp")); // a half-written file was rewritten whole
        foreach (var id in sentBefore)
        {
            Assert.Equal(written[id], files[id]); // marked before the kill: not written again
        }
        foreach (var id in inFlight)
        {
            Assert.NotEqual(written[id], files[id]); // written, not marked: written again (at-least-once)
        }
        foreach (var id in ids)
        {
            using var mime = await MimeMessage.LoadAsync(Path.Combine(database.MailDirectory, $"{id:N}.eml"));
            Assert.Equal($"{id:N}@carteblanche", mime.MessageId);
        }
        await AssertJournalVerifiesAsync(database);
    }

    /// <summary>
    /// Planning runs inside the coordinator's request and writes its run only with the complete plan: killed while the
    /// planner searches, nothing is left (no run « in progress » to clean). Publishing is one transaction: killed with
    /// part of the new passages written inside it, the timetable after the restart is the one before, the plan is not
    /// published and nobody was told; published again, it is published once.
    /// </summary>
    [Fact]
    public async Task A_plan_being_computed_or_published_when_the_app_is_killed_leaves_the_timetable_as_it_was_and_publishes_once_after_the_restart()
    {
        using var database = NewDatabase();
        await using var host = new CarteBlancheFactory(database, ownsDatabase: false);
        var start = NextMonday().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        KeyValuePair<string, string>[] form = [new("CycleStart", start), new("CycleDays", "10"), new("Buses", "1")];
        var runsBefore = await host.WithDbAsync(db => db.Set<TourPlanRun>().Select(r => r.Id).ToListAsync());

        // 1. Killed while the planner searches (60 s allowed to it): the request is in flight, no run is written.
        var app = await StartAsync(database, new Dictionary<string, string> { ["Bus:PlannerSeconds"] = "60" });
        using (var coordinator = await app.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator)))
        {
            var planning = Html.PostFormAsync(coordinator, "/car/planification", form);
            await Task.Delay(TimeSpan.FromSeconds(2)); // the form is read and the search under way: it lasts 60 s
            Assert.False(planning.IsCompleted, "the planning request ended before the kill");
            Assert.Equal(runsBefore.Count, await host.WithDbAsync(db => db.Set<TourPlanRun>().CountAsync()));
            await app.KillAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => planning);
        }
        await app.DisposeAsync();

        app = await StartAsync(database);
        Guid runId;
        using (var coordinator = await app.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator)))
        {
            Assert.Equal(runsBefore.Order(), await host.WithDbAsync(db => db.Set<TourPlanRun>().Select(r => r.Id).OrderBy(r => r).ToListAsync()));
            using var proposed = await Html.PostFormAsync(coordinator, "/car/planification", form);
            Assert.Contains("Proposition de tournée", await proposed.ReadPageAsync(), StringComparison.Ordinal);
            runId = Guid.Parse(proposed.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());

            // 2. Killed inside the publishing transaction, five of the plan's passages written in it.
            var before = await TimetableAsync(host);
            var outboxBefore = await host.WithDbAsync(db => db.OutboxMessages.CountAsync());
            var journalBefore = await host.WithDbAsync(db => db.AuditEntries.CountAsync());
            await StallInsertsAsync(database, "bus_passages", sqliteWhen: """(SELECT count(*) FROM bus_passages WHERE "PlanRunId" = NEW."PlanRunId") >= 5""",
                postgresIf: """(SELECT count(*) FROM bus_passages WHERE "PlanRunId" = NEW."PlanRunId") >= 5""");
            var runUrl = $"/car/planification/{runId:D}";
            var publishing = Html.PostFormAsync(coordinator, runUrl, [new("confirme", "oui")], runUrl + "?handler=Publish");
            await WaitUntilStalledAsync(database, publishing, app);
            await app.KillAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => publishing);
            await EndStallAsync(database, "bus_passages");

            Assert.Equal(before, await TimetableAsync(host));
            Assert.Null(await host.WithDbAsync(db => db.Set<TourPlanRun>().Where(r => r.Id == runId).Select(r => r.PublishedAt).SingleAsync()));
            Assert.Equal(0, await host.WithDbAsync(db => db.Set<BusPassage>().CountAsync(p => p.PlanRunId == runId)));
            Assert.Equal(outboxBefore, await host.WithDbAsync(db => db.OutboxMessages.CountAsync()));
            Assert.Equal(journalBefore, await host.WithDbAsync(db => db.AuditEntries.CountAsync()));
        }
        await app.DisposeAsync();

        // 3. After the restart the same plan publishes, once.
        await using (app = await StartAsync(database))
        {
            using var coordinator = await app.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
            var runUrl = $"/car/planification/{runId:D}";
            using var published = await Html.PostFormAsync(coordinator, runUrl, [new("confirme", "oui")], runUrl + "?handler=Publish");
            Assert.Contains("La tournée est publiée", await published.ReadPageAsync(), StringComparison.Ordinal);
            using var again = await Html.PostFormAsync(coordinator, runUrl, [new("confirme", "oui")], runUrl + "?handler=Publish");
            Assert.Contains("Ce plan est déjà publié.", await again.ReadPageAsync(), StringComparison.Ordinal);
        }
        var run = await host.WithDbAsync(db => db.Set<TourPlanRun>().AsNoTracking().SingleAsync(r => r.Id == runId));
        var cycleEnd = CarteBlanche.Bus.Planning.BusPlanning.WindowOf(CarteBlanche.Bus.Planning.BusPlanning.PlanOf(run), run).To;
        var passages = await host.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Where(p => p.PlanRunId == runId && p.Date <= cycleEnd).ToListAsync());
        Assert.Equal(20, passages.Count); // 10 working days, a morning and an afternoon each
        var scheduled = await host.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Where(p => p.Status == PassageStatus.Scheduled)
            .Select(p => new { p.Date, p.Bus, p.HalfDay }).ToListAsync());
        Assert.All(scheduled.GroupBy(p => p), g => Assert.Single(g)); // no half-day with the bus at two stops
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "bus.plan-published" && e.RecordId == runId.ToString("D"))));
        await AssertJournalVerifiesAsync(database);
    }

    /// <summary>
    /// A GTFS feed is put in service in one transaction (the previous import marked replaced, the new one and its zip
    /// written): killed inside it, the restarted app has the previous network in service, no trace of the half-done
    /// import (nor a copy of the zip in the temporary directory), and the same feed sent again is put in service once.
    /// </summary>
    [Fact]
    public async Task A_gtfs_feed_being_put_in_service_when_the_app_is_killed_leaves_the_previous_network_in_service_and_imports_once_after_the_restart()
    {
        using var database = NewDatabase();
        await using var host = new CarteBlancheFactory(database, ownsDatabase: false);
        var zip = FeedZip();
        var before = await ImportsAsync(host);
        var previous = Assert.Single(before, i => i.Status == GtfsImportStatus.InService).Id;

        var app = await StartAsync(database);
        using (var coordinator = await app.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator)))
        {
            await StallInsertsAsync(database, "mobility_gtfs_contents", sqliteWhen: "1", postgresIf: "true");
            var sending = SendFeedAsync(coordinator, zip);
            await WaitUntilStalledAsync(database, sending, app);
            await app.KillAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => sending);
            await EndStallAsync(database, "mobility_gtfs_contents");
        }
        // The feed is read in memory: no copy of it left in the temporary directory.
        Assert.Empty(Directory.EnumerateFiles(AppProcess.TempDirectory(database), "carteblanche-gtfs-*"));
        await app.DisposeAsync();
        Assert.Equal(before, await ImportsAsync(host));
        Assert.Equal(
            before.Where(i => i.HasZip).Select(i => i.Id).Order(),
            await host.WithDbAsync(db => db.Set<GtfsImportContent>().Select(c => c.ImportId).OrderBy(i => i).ToListAsync()));

        await using (app = await StartAsync(database))
        {
            using var coordinator = await app.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
            using var page = await coordinator.GetAsync("/mobilite/reseaux");
            Assert.Contains("Jeu de démonstration", await page.ReadPageAsync(), StringComparison.Ordinal);
            using var sent = await SendFeedAsync(coordinator, zip);
            Assert.Matches("/mobilite/reseaux/[0-9a-f-]{36}$", sent.RequestMessage!.RequestUri!.AbsolutePath);
        }
        var after = await ImportsAsync(host);
        var added = Assert.Single(after, i => !before.Any(b => b.Id == i.Id));
        Assert.Equal(GtfsImportStatus.InService, added.Status);
        Assert.True(added.HasZip);
        Assert.Equal(GtfsImportStatus.Replaced, after.Single(i => i.Id == previous).Status);
        Assert.Single(after, i => i.Status == GtfsImportStatus.InService);
        await AssertJournalVerifiesAsync(database);
    }

    private sealed record ImportRow(Guid Id, GtfsImportStatus Status, bool HasZip);

    private static Task<List<ImportRow>> ImportsAsync(CarteBlancheFactory host) =>
        host.WithDbAsync(db => db.Set<GtfsImport>().OrderBy(i => i.Id)
            .Select(i => new ImportRow(i.Id, i.Status, db.Set<GtfsImportContent>().Any(c => c.ImportId == i.Id))).ToListAsync());

    private static async Task<HttpResponseMessage> SendFeedAsync(HttpClient client, byte[] zip)
    {
        using var form = await client.GetAsync("/mobilite/reseaux");
        var token = Html.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        content.Add(new ByteArrayContent(zip), "Upload", "cahors.zip");
        return await client.PostAsync("/mobilite/reseaux", content);
    }

    /// <summary>The tests' Cahors feed (tests/transit/cahors) zipped.</summary>
    private static byte[] FeedZip()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Transit", "cahors")))
            {
                using var writer = new StreamWriter(zip.CreateEntry(Path.GetFileName(path)).Open(), new UTF8Encoding(false));
                writer.Write(File.ReadAllText(path));
            }
        }
        return memory.ToArray();
    }

    /// <summary>The scheduled passages as residents see them: (id, stop, date, half-day).</summary>
    private static async Task<string> TimetableAsync(CarteBlancheFactory host)
    {
        var rows = await host.WithDbAsync(db => db.Set<BusPassage>().AsNoTracking().Where(p => p.Status == PassageStatus.Scheduled)
            .Select(p => new { p.Id, p.StopId, p.Date, p.HalfDay, p.PlanRunId }).ToListAsync());
        Assert.NotEmpty(rows);
        return string.Join('\n', rows.OrderBy(r => r.Id).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id} {r.StopId} {r.Date:yyyy-MM-dd} {r.HalfDay} {r.PlanRunId}")));
    }

    /// <summary>The files in the pickup directory of these messages, by id, with the time each was last written.</summary>
    private static Dictionary<Guid, DateTime> Delivered(TestDatabase database, HashSet<Guid> ids)
    {
        var found = new Dictionary<Guid, DateTime>();
        if (!Directory.Exists(database.MailDirectory))
        {
            return found;
        }
        foreach (var path in Directory.EnumerateFiles(database.MailDirectory, "*.eml"))
        {
            if (Guid.TryParseExact(Path.GetFileNameWithoutExtension(path), "N", out var id) && ids.Contains(id))
            {
                found[id] = File.GetLastWriteTimeUtc(path);
            }
        }
        return found;
    }

    private static async Task AssertJournalVerifiesAsync(TestDatabase database)
    {
        var verified = await CliRunner.RunAsync(database, "audit", "verify");
        Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
        Assert.Contains("Journal d'audit intact", verified.Output, StringComparison.Ordinal);
    }

    private static DateOnly NextMonday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
    }

    // A fault injected into the database: a trigger that holds the app's transaction in the middle of its writes, so that
    // the kill falls there. PostgreSQL sleeps in it; SQLite, without a sleep, counts a join far too large to finish.

    private static DbConnection Connect(TestDatabase database, int timeoutSeconds = 30) =>
        database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.PostgresConnectionString)
            : new SqliteConnection(string.Create(CultureInfo.InvariantCulture,
                $"Data Source={new DatabaseOptions { DataDirectory = database.DataDirectory }.SqlitePath};Default Timeout={timeoutSeconds}"));

    private static async Task<object?> SqlAsync(TestDatabase database, string sql, int timeoutSeconds = 30)
    {
        await using var connection = Connect(database, timeoutSeconds);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds;
        return await command.ExecuteScalarAsync();
    }

    private static Task StallInsertsAsync(TestDatabase database, string table, string sqliteWhen, string postgresIf) =>
        SqlAsync(database, database.Provider == DatabaseProvider.Postgres
            ? $"""
               CREATE FUNCTION cb_stall() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN
                   IF {postgresIf} THEN PERFORM pg_sleep(300); END IF;
                   RETURN NULL;
               END $$;
               CREATE TRIGGER cb_stall AFTER INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION cb_stall();
               """
            : $"""
               CREATE TRIGGER cb_stall AFTER INSERT ON {table} WHEN {sqliteWhen}
               BEGIN
                   SELECT count(*) FROM platform_communes a, platform_communes b, platform_communes c, platform_communes d, platform_communes e, platform_communes f;
               END;
               """);

    /// <summary>
    /// Until the app's transaction is held in the trigger: on PostgreSQL its statement sleeps; on SQLite the write lock
    /// stays taken over three probes (a second each) while the request waits.
    /// </summary>
    private static async Task WaitUntilStalledAsync(TestDatabase database, Task request, AppProcess app)
    {
        var watch = Stopwatch.StartNew();
        var lockedProbes = 0;
        while (true)
        {
            Assert.False(request.IsCompleted, "the request ended before reaching the stalled write:\n" + app.Output);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the app's transaction did not reach the stalled write in 30 s:\n" + app.Output);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                var sleeping = Convert.ToInt64(await SqlAsync(database, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'"), CultureInfo.InvariantCulture);
                if (sleeping > 0)
                {
                    return;
                }
                await Task.Delay(50);
            }
            else
            {
                try
                {
                    await SqlAsync(database, "BEGIN IMMEDIATE; ROLLBACK;", timeoutSeconds: 1);
                    lockedProbes = 0;
                    await Task.Delay(50);
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 5) // SQLITE_BUSY: a writer holds the database
                {
                    if (++lockedProbes == 3)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>
    /// After the kill: on PostgreSQL the server finds out that the client is gone only when the statement ends; a real one
    /// would end at once and its transaction roll back, the sleeping one is ended here the same way. Then the trigger goes.
    /// </summary>
    private static async Task EndStallAsync(TestDatabase database, string table)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var watch = Stopwatch.StartNew();
            while (Convert.ToInt64(await SqlAsync(database,
                       "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep') t"),
                       CultureInfo.InvariantCulture) > 0)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the killed app's sleeping statement did not end");
                await Task.Delay(100);
            }
            await SqlAsync(database, $"DROP TRIGGER cb_stall ON {table}; DROP FUNCTION cb_stall();");
        }
        else
        {
            await SqlAsync(database, "DROP TRIGGER cb_stall;");
        }
    }
}

public sealed class SqliteCrashAndRestartTests(ITestOutputHelper output) : CrashAndRestartTests(output)
{
    protected override TestDatabase NewDatabase() => TestDatabase.SqliteWithDemoData();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashAndRestartTests(PostgresServer server, ITestOutputHelper output) : CrashAndRestartTests(output)
{
    protected override TestDatabase NewDatabase() => TestDatabase.PostgresWithDemoData(server, "crash");
}
