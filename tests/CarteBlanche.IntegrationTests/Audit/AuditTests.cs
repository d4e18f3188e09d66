using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Audit;

/// <summary>The hash-chained audit journal: written by the app, checked by the verifier and by the command line.</summary>
public abstract partial class AuditTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    /// <summary>A database of its own, for a test that corrupts the journal.</summary>
    protected abstract TestDatabase NewDatabase();

    [Fact]
    public async Task Sign_in_is_recorded_and_the_chain_is_intact()
    {
        using var client = Factory.CreateBrowserClient();
        using var response = await Html.SignInAsync(client, DemoData.EmailFor(Roles.Admin), CarteBlancheFactory.DemoPassword);
        Assert.Contains("Bonjour", await response.ReadPageAsync(), StringComparison.Ordinal);

        var adminId = await Factory.WithDbAsync(db => db.Users.Where(a => a.Email == DemoData.EmailFor(Roles.Admin)).Select(a => a.Id).SingleAsync());
        var signIns = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "security.sign-in" && e.ActorId == adminId).ToListAsync());
        var entry = Assert.Single(signIns);
        Assert.Equal("Account", entry.RecordType);
        Assert.Equal(adminId.ToString("D"), entry.RecordId);
        Assert.Equal(AuditChain.ComputeHash(entry), entry.Hash);

        var verification = await VerifyAsync(Factory);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.True(verification.EntriesChecked >= 1);
        Assert.Null(verification.FirstBrokenSequence);
    }

    [Fact]
    public async Task An_edited_entry_breaks_the_chain_at_that_entry()
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
        await RecordAsync(app, 3);
        Assert.True((await VerifyAsync(app)).IsIntact);

        Assert.Equal(1, await app.ExecuteSqlAsync("""UPDATE platform_audit_entries SET "Action" = 'x' WHERE "Sequence" = 2"""));

        var broken = await VerifyAsync(app);
        Assert.False(broken.IsIntact);
        Assert.Equal(2, broken.FirstBrokenSequence);
        Assert.Equal(1, broken.EntriesChecked);
        Assert.Contains("n° 2 a été modifiée", broken.Problem, StringComparison.Ordinal);

        // Put back as it was, the chain is whole again: the verifier checks content, not history.
        Assert.Equal(1, await app.ExecuteSqlAsync("""UPDATE platform_audit_entries SET "Action" = 'test.event-2' WHERE "Sequence" = 2"""));
        Assert.True((await VerifyAsync(app)).IsIntact);
    }

    [Fact]
    public async Task A_rehashed_entry_still_breaks_the_chain_at_the_next_one()
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
        await RecordAsync(app, 3);

        // Someone edits entry 2 and recomputes its hash: entry 3 no longer follows it.
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 2));
        entry.Action = "x";
        var hash = AuditChain.ComputeHash(entry);
        await app.ExecuteSqlAsync($"""UPDATE platform_audit_entries SET "Action" = 'x', "Hash" = '{hash}' WHERE "Sequence" = 2""");

        var broken = await VerifyAsync(app);
        Assert.False(broken.IsIntact);
        Assert.Equal(3, broken.FirstBrokenSequence);
        Assert.Contains("n° 3 ne suit pas", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_missing()
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
        await RecordAsync(app, 4);

        Assert.Equal(1, await app.ExecuteSqlAsync("""DELETE FROM platform_audit_entries WHERE "Sequence" = 3"""));

        var broken = await VerifyAsync(app);
        Assert.False(broken.IsIntact);
        Assert.Equal(3, broken.FirstBrokenSequence);
        Assert.Equal(2, broken.EntriesChecked);
        Assert.Contains("l'entrée n° 3 manque", broken.Problem, StringComparison.Ordinal);
        Assert.Contains("la suivante est la n° 4", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_produce_a_gap_free_intact_chain()
    {
        const int writers = 50;
        var before = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var marker = Guid.NewGuid().ToString("N");

        using var go = new ManualResetEventSlim();
        var tasks = Enumerable.Range(1, writers).Select(i => Task.Run(async () =>
        {
            go.Wait();
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditLog>()
                .RecordAsync(new AuditEvent("test.concurrent", "Test", $"{marker}-{i}"));
        })).ToList();
        go.Set();
        await Task.WhenAll(tasks);

        var sequences = await Factory.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(before + writers, sequences.Count);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        var written = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "test.concurrent" && e.RecordId!.StartsWith(marker)).Select(e => e.RecordId).ToListAsync());
        Assert.Equal(writers, written.Distinct().Count());
        var verification = await VerifyAsync(Factory);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(sequences.Count, verification.EntriesChecked);
    }

    [Fact]
    public async Task Command_line_audit_verify_exits_0_then_1_naming_the_broken_entry()
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
        await RecordAsync(app, 3);

        var intact = await CliRunner.RunAsync(app.Database, "audit", "verify");
        Assert.True(intact.ExitCode == 0, $"exit {intact.ExitCode}\n{intact.Output}\n{intact.Error}");
        Assert.Contains("Journal d'audit intact : 3 entrée(s) vérifiée(s)", intact.Output, StringComparison.Ordinal);

        await app.ExecuteSqlAsync("""UPDATE platform_audit_entries SET "RecordId" = 'autre' WHERE "Sequence" = 2""");

        var broken = await CliRunner.RunAsync(app.Database, "audit", "verify");
        Assert.True(broken.ExitCode == 1, $"exit {broken.ExitCode}\n{broken.Output}\n{broken.Error}");
        Assert.Contains("ROMPU à l'entrée n° 2", broken.Error, StringComparison.Ordinal);
        Assert.Contains("1 entrée(s) intacte(s)", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_line_audit_verify_runs_in_development_and_a_start_up_error_is_not_a_tampered_journal()
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
        await RecordAsync(app, 2);

        var development = await CliRunner.RunWithEnvironmentAsync(app.Database,
            new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = null, ["ASPNETCORE_ENVIRONMENT"] = "Development" }, "audit", "verify");
        Assert.True(development.ExitCode == 0, $"exit {development.ExitCode}\n{development.Output}\n{development.Error}");
        Assert.Contains("Journal d'audit intact : 2 entrée(s) vérifiée(s)", development.Output, StringComparison.Ordinal);

        // A wrong setting: the command cannot start, which is not the "journal tampered" verdict (exit code 1).
        var misconfigured = await CliRunner.RunWithEnvironmentAsync(app.Database,
            new Dictionary<string, string?> { ["Database__Provider"] = "Oracle" }, "audit", "verify");
        Assert.True(misconfigured.ExitCode == 78, $"exit {misconfigured.ExitCode}\n{misconfigured.Output}\n{misconfigured.Error}");
        Assert.Contains("Démarrage impossible : la commande n'a pas pu démarrer", misconfigured.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ROMPU", misconfigured.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_and_its_journal_line_are_saved_together_or_not_at_all()
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
        var existing = await app.WithDbAsync(db => db.Epcis.Select(e => e.Siren).FirstAsync());

        // Saved: the change and its line, in one save.
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CarteBlancheDbContext>();
            db.Epcis.Add(new Epci { Siren = "900000001", Name = "Essai 1" });
            sp.GetRequiredService<IAuditLog>().Add(db, new AuditEvent("test.saved", "Epci", "900000001", AuditPurpose.Test));
            await db.SaveChangesAsync();
        });
        Assert.True(await app.WithDbAsync(db => db.Epcis.AnyAsync(e => e.Siren == "900000001")));
        Assert.Equal(["test.saved"], await app.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync()));

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CarteBlancheDbContext>();
            var auditLog = sp.GetRequiredService<IAuditLog>();

            // Refused by the database (a key that exists): no line, and none later when the same context saves something else.
            db.Epcis.Add(new Epci { Siren = existing, Name = "Doublon" });
            auditLog.Add(db, new AuditEvent("test.refused", "Epci", existing, AuditPurpose.Test));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.Epcis.Add(new Epci { Siren = "900000002", Name = "Essai 2" });
            await db.SaveChangesAsync();

            // One valid row and one refused in the same save: the valid row is rolled back with the line.
            db.Epcis.Add(new Epci { Siren = "900000003", Name = "Essai 3" });
            db.Epcis.Add(new Epci { Siren = existing, Name = "Doublon" });
            auditLog.Add(db, new AuditEvent("test.failed", "Epci", "900000003", AuditPurpose.Test));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            // Saved inside the caller's transaction, which then fails: both are rolled back.
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.Epcis.Add(new Epci { Siren = "900000004", Name = "Essai 4" });
                auditLog.Add(db, new AuditEvent("test.rolled-back", "Epci", "900000004", AuditPurpose.Test));
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }
        });

        Assert.Equal(["900000001", "900000002"], await app.WithDbAsync(db => db.Epcis.Where(e => e.Siren.StartsWith("9000000")).OrderBy(e => e.Siren).Select(e => e.Siren).ToListAsync()));
        Assert.Equal(["test.saved"], await app.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync()));
        var verification = await VerifyAsync(app);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(1, verification.EntriesChecked);

        // The next line follows on: no sequence number was spent by the refused saves.
        await app.InScopeAsync(sp => sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditEvent("test.after", Purpose: AuditPurpose.Test)));
        Assert.Equal([1L, 2L], await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync()));
        Assert.True((await VerifyAsync(app)).IsIntact);
    }

    [Fact]
    public async Task A_referral_typed_by_the_agent_never_reaches_the_journal_and_purposes_are_codes()
    {
        const string nir = "184127512345678";
        var lastName = "Martinet-" + Guid.NewGuid().ToString("N")[..6];
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", "Josette"), new("Input.LastName", lastName), new("Input.BirthDate", "14/02/1950"),
            new("Input.Phone", "05 65 20 00 00"), new("Input.Email", ""), new("Input.PreferredChannel", "Phone"),
        ]);
        var residentId = Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
        var siteId = await Factory.WithDbAsync(db => db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync());
        using var opened = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
        [
            new("Channel", "Phone"), new("Needs[0].Domain", "Justice"), new("Needs[0].Description", "Litige avec un bailleur"),
            new("PlaceId", siteId.ToString()),
        ]);
        var caseUrl = opened.RequestMessage!.RequestUri!.AbsolutePath;
        var caseId = caseUrl.Split('/').Last();

        // A referral long enough that the old code copied it whole into the journal, with a name and a social security number.
        var service = $"Maître Lefèvre, avocate, pour Josette {lastName} (NIR {nir}), audience du 12 janvier au tribunal de Cahors, dossier d'aide juridictionnelle à compléter avant la fin du mois";
        Assert.InRange(service.Length, 150, 200);
        using (var page = await agent.GetAsync(caseUrl))
        {
            var html = await page.ReadPageAsync();
            using var referred = await agent.PostAsync($"{caseUrl}?handler=Refer", new FormUrlEncodedContent(
            [
                new("service", service), new("referredOn", "2026-11-24"),
                new("Version", VersionInput().Match(html).Groups[1].Value), new("__RequestVerificationToken", Html.AntiforgeryToken(html)),
            ]));
            Assert.Contains("Orientation vers", await referred.ReadPageAsync(), StringComparison.Ordinal);
        }

        var entries = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        var referral = Assert.Single(entries, e => e.Action == "case.update" && e.RecordId == caseId);
        Assert.Equal("case-referral", referral.Purpose);
        Assert.DoesNotContain(entries, e => $"{e.Action} {e.RecordType} {e.RecordId} {e.Purpose}".Contains(nir, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => $"{e.Action} {e.RecordType} {e.RecordId} {e.Purpose}".Contains(lastName, StringComparison.Ordinal));
        // Every purpose in the journal is one of the codes.
        Assert.All(entries.Where(e => e.Purpose != null), e => Assert.True(AuditPurposes.TryParse(e.Purpose, out _), $"« {e.Purpose} » ({e.Action}) n'est pas un code"));

        // Asking a partner about another site's case: refused, journaled under the case.
        using var lalbenque = await Factory.SignedInClientAsync("agent.lalbenque@demo.carteblanche.fr");
        using var refused = await lalbenque.GetAsync($"/reseau/solliciter/{caseId}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "case.access-denied" && e.RecordType == "Case" && e.RecordId == caseId)));
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == "PartnerQuestion" && e.RecordId == caseId)));
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("edit-and-rehash")]
    [InlineData("truncate")]
    public async Task A_tampered_copy_of_the_journal_fails_verification(string tampering)
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
        await RecordAsync(app, 5);
        var checkpoint = await app.InScopeAsync(sp => sp.GetRequiredService<AuditCheckpoints>().WriteAsync(sp.GetRequiredService<CarteBlancheDbContext>()));
        Assert.Equal(5, checkpoint!.Sequence);
        for (var i = 6; i <= 7; i++)
        {
            await app.InScopeAsync(sp => sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditEvent($"test.event-{i}", "Test", i.ToString(CultureInfo.InvariantCulture), AuditPurpose.Test)));
        }
        var intact = await VerifyAsync(app);
        Assert.True(intact.IsIntact, intact.Problem);
        Assert.Equal(1, intact.CheckpointsChecked);

        switch (tampering)
        {
            case "edit":
                await app.ExecuteSqlAsync("""UPDATE platform_audit_entries SET "RecordId" = 'autre' WHERE "Sequence" = 2""");
                break;
            case "edit-and-rehash":
                await app.ExecuteSqlAsync("""UPDATE platform_audit_entries SET "RecordId" = 'autre' WHERE "Sequence" = 2""");
                await RehashChainAsync(app);
                break;
            default:
                await app.ExecuteSqlAsync("""DELETE FROM platform_audit_entries WHERE "Sequence" >= 4""");
                await RehashChainAsync(app);
                break;
        }

        var broken = await VerifyAsync(app);
        Assert.False(broken.IsIntact);
        switch (tampering)
        {
            case "edit":
                Assert.Equal(2, broken.FirstBrokenSequence);
                Assert.Contains("n° 2 a été modifiée", broken.Problem, StringComparison.Ordinal);
                break;
            case "edit-and-rehash":
                // The chain holds together again: only the signed checkpoint tells.
                Assert.Equal(5, broken.FirstBrokenSequence);
                Assert.Contains("le journal a été réécrit", broken.Problem, StringComparison.Ordinal);
                break;
            default:
                Assert.Equal(4, broken.FirstBrokenSequence);
                Assert.Contains("le journal s'arrête à l'entrée n° 3", broken.Problem, StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public async Task Command_line_checkpoint_then_verify_catches_a_rewritten_chain_and_a_forged_checkpoint()
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
        await RecordAsync(app, 3);

        var written = await CliRunner.RunAsync(app.Database, "audit", "checkpoint");
        Assert.True(written.ExitCode == 0, $"exit {written.ExitCode}\n{written.Output}\n{written.Error}");
        Assert.Contains("Point de contrôle écrit : entrée n° 3", written.Output, StringComparison.Ordinal);
        var file = Path.Combine(app.Database.DataDirectory, "audit-checkpoints.jsonl");
        Assert.Single(await File.ReadAllLinesAsync(file));
        var intact = await CliRunner.RunAsync(app.Database, "audit", "verify");
        Assert.True(intact.ExitCode == 0, $"exit {intact.ExitCode}\n{intact.Output}\n{intact.Error}");
        Assert.Contains("conforme à 1 point(s) de contrôle signé(s)", intact.Output, StringComparison.Ordinal);

        await app.ExecuteSqlAsync("""UPDATE platform_audit_entries SET "Action" = 'x' WHERE "Sequence" = 1""");
        await RehashChainAsync(app);
        var rewritten = await CliRunner.RunAsync(app.Database, "audit", "verify");
        Assert.True(rewritten.ExitCode == 1, $"exit {rewritten.ExitCode}\n{rewritten.Output}\n{rewritten.Error}");
        Assert.Contains("ROMPU à l'entrée n° 3", rewritten.Error, StringComparison.Ordinal);

        // A checkpoint written to match the rewritten chain, without the key: its signature gives it away.
        var head = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync());
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(
            AuditCheckpoint.Create("une-autre-clé-que-celle-de-la-configuration", head.Sequence, head.Hash, DateTimeOffset.UtcNow),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)) + "\n");
        var forged = await CliRunner.RunAsync(app.Database, "audit", "verify");
        Assert.True(forged.ExitCode == 1, $"exit {forged.ExitCode}\n{forged.Output}\n{forged.Error}");
        Assert.Contains("n'a pas une signature valide", forged.Error, StringComparison.Ordinal);
    }

    /// <summary>What someone who can write to the database and knows the scheme does: recompute every hash and move the head.</summary>
    private static async Task RehashChainAsync(CarteBlancheFactory app)
    {
        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        var previous = AuditChain.Genesis;
        foreach (var entry in entries)
        {
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.ComputeHash(entry);
            previous = entry.Hash;
            await app.ExecuteSqlAsync($"""UPDATE platform_audit_entries SET "PreviousHash" = '{entry.PreviousHash}', "Hash" = '{entry.Hash}' WHERE "Sequence" = {entry.Sequence.ToString(CultureInfo.InvariantCulture)}""");
        }
        await app.ExecuteSqlAsync($"""UPDATE platform_audit_head SET "Sequence" = {entries[^1].Sequence.ToString(CultureInfo.InvariantCulture)}, "Hash" = '{previous}'""");
        Assert.True((await app.InScopeAsync(sp => new AuditVerifier(sp.GetRequiredService<CarteBlancheDbContext>(), NoCheckpoints(sp)).VerifyAsync())).IsIntact);
    }

    /// <summary>The same verifier reading a checkpoints file that does not exist: the chain alone.</summary>
    private static AuditCheckpoints NoCheckpoints(IServiceProvider sp) => new(
        Microsoft.Extensions.Options.Options.Create(new AuditOptions { CheckpointPath = "aucun-" + Guid.NewGuid().ToString("N") + ".jsonl", CheckpointKey = TestDatabase.CheckpointKey }),
        sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>(),
        TimeProvider.System,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditCheckpoints>.Instance);

    [GeneratedRegex("name=\"Version\" value=\"([^\"]*)\"")]
    private static partial Regex VersionInput();

    private static async Task RecordAsync(CarteBlancheFactory app, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await app.InScopeAsync(sp => sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditEvent($"test.event-{i}", "Test", i.ToString(CultureInfo.InvariantCulture), AuditPurpose.Test)));
        }
        var sequences = await app.WithDbAsync(db => db.AuditEntries.Select(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), sequences.Order());
    }

    private static Task<AuditVerification> VerifyAsync(CarteBlancheFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
}

public sealed class SqliteAuditTests(SqliteFactory factory) : AuditTests(factory), IClassFixture<SqliteFactory>
{
    protected override TestDatabase NewDatabase() => TestDatabase.SqliteWithDemoData();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditTests(PostgresFactory factory, PostgresServer server) : AuditTests(factory), IClassFixture<PostgresFactory>
{
    protected override TestDatabase NewDatabase() => TestDatabase.PostgresWithDemoData(server, "audit");
}
