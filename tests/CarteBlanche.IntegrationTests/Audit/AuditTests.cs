using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Audit;

/// <summary>The hash-chained audit journal: written by the app, checked by the verifier and by the command line.</summary>
public abstract class AuditTests(CarteBlancheFactory factory)
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

    private static async Task RecordAsync(CarteBlancheFactory app, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await app.InScopeAsync(sp => sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditEvent($"test.event-{i}", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditPurpose.Test)));
        }
        var sequences = await app.WithDbAsync(db => db.AuditEntries.Select(e => e.Sequence).ToListAsync());
        var actions = await app.WithDbAsync(db => db.AuditEntries.Select(e => e.Action + "/" + e.RecordType + "/" + e.Purpose).ToListAsync());
        Assert.True(sequences.Count == count, string.Join(", ", actions));
    }

    private static Task<AuditVerification> VerifyAsync(CarteBlancheFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
}

public sealed class SqliteAuditTests(SqliteFactory factory) : AuditTests(factory), IClassFixture<SqliteFactory>
{
    protected override TestDatabase NewDatabase() => TestDatabase.Sqlite();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditTests(PostgresFactory factory, PostgresServer server) : AuditTests(factory), IClassFixture<PostgresFactory>
{
    protected override TestDatabase NewDatabase() => TestDatabase.Postgres(server, "audit");
}
