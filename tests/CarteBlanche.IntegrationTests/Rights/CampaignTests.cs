using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights;
using CarteBlanche.Rights.Campaigns;
using CarteBlanche.Rights.Conventions;
using CarteBlanche.Rights.Exchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using BenefitsMonth = CarteBlanche.Benefits.Month;

namespace CarteBlanche.IntegrationTests.Rights;

/// <summary>A non-take-up campaign through the database: a synthetic Lot's three files imported, linked, assessed; on SQLite and PostgreSQL.</summary>
public abstract class CampaignTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task A_campaign_on_a_synthetic_lot_finds_the_planted_non_take_up_with_precision_and_recall_of_95_percent()
    {
        var (convention, month) = await ImportLotAsync(2_000, seed: 7);
        var campaign = await Factory.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<CampaignRunner>();
            var (started, refusal) = await runner.StartAsync(convention, month, null, CancellationToken.None);
            Assert.Null(refusal);
            return await runner.RunAsync(started!.Id, _truth, CancellationToken.None);
        });
        Assert.Equal(CampaignStatus.Succeeded, campaign.Status);
        Assert.Equal(100, campaign.Progress);
        Assert.True(campaign.Precision >= 0.95, $"précision {campaign.Precision:P2}");
        Assert.True(campaign.Recall >= 0.95, $"rappel {campaign.Recall:P2}");
        Assert.True(campaign.HouseholdsAssessed > 1_900);

        var signals = await Factory.WithDbAsync(db => db.Set<Signal>().AsNoTracking().Where(s => s.CampaignId == campaign.Id).ToListAsync());
        Assert.Contains(signals, s => s.Benefit == "rsa" && s.Kind == SignalKind.NonTakeUp && s.MonthlyAmount > 0);
        Assert.Contains(signals, s => s.Certainty == Certainty.Characterised);
        Assert.Contains(signals, s => s.Certainty == Certainty.Probable);
        Assert.All(signals, s => Assert.Equal(OutreachStatus.ToContact, s.Status));
        // The persons and resources are not in clear in the table.
        Assert.All(signals.Take(50), s => Assert.DoesNotContain("ressources", s.DetailProtected, StringComparison.Ordinal));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "rights.campaign")));
    }

    [Fact]
    public async Task A_second_campaign_waits_for_the_first_and_one_left_running_by_a_crash_is_marked_interrupted()
    {
        var (convention, month) = await ImportLotAsync(50, seed: 8);
        var first = await Factory.InScopeAsync(async sp => (await sp.GetRequiredService<CampaignRunner>().StartAsync(convention, month, null, CancellationToken.None)).Campaign!);
        var refusal = await Factory.InScopeAsync(async sp => (await sp.GetRequiredService<CampaignRunner>().StartAsync(convention, month, null, CancellationToken.None)).Refusal);
        Assert.Equal("Une campagne est déjà en cours pour cette convention : attendez qu'elle se termine.", refusal);

        // The first one's process stopped long ago: the next start marks it interrupted, without signals.
        await Factory.WithDbAsync(db => db.Set<Campaign>().Where(c => c.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.StartedAt, DateTimeOffset.UtcNow.AddHours(-1))));
        var second = await Factory.InScopeAsync(async sp => (await sp.GetRequiredService<CampaignRunner>().StartAsync(convention, month, null, CancellationToken.None)).Campaign);
        Assert.NotNull(second);
        var stale = await Factory.WithDbAsync(db => db.Set<Campaign>().AsNoTracking().SingleAsync(c => c.Id == first.Id));
        Assert.Equal(CampaignStatus.Failed, stale.Status);
        Assert.StartsWith("Interrompue", stale.Failure, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<Signal>().CountAsync(s => s.CampaignId == first.Id)));
        var done = await Factory.InScopeAsync(sp => sp.GetRequiredService<CampaignRunner>().RunAsync(second!.Id, null, CancellationToken.None));
        Assert.Equal(CampaignStatus.Succeeded, done.Status);
    }

    private SyntheticLotTruth? _truth;

    /// <summary>Writes a synthetic Lot for last month and imports its three files under the demonstration convention.</summary>
    private async Task<(Guid Convention, BenefitsMonth Month)> ImportLotAsync(int households, int seed)
    {
        var today = ParisClock.DayOf(DateTimeOffset.UtcNow);
        var month = BenefitsMonth.Of(today.Year, today.Month).AddMonths(-1);
        var directory = Directory.CreateTempSubdirectory("cb-lot-");
        try
        {
            var files = SyntheticLot.Write(directory.FullName, households, seed, month);
            _truth = SyntheticLotTruth.Read(files.Truth);
            var convention = await Factory.WithDbAsync(db => db.Set<Convention>().Where(c => c.Title == RightsDemoData.ConventionTitle).Select(c => c.Id).SingleAsync());
            foreach (var (name, path) in new[] { ("CAF du Lot", files.Caf), ("France Travail", files.FranceTravail), ("CPAM du Lot", files.Cpam) })
            {
                var operatorId = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
                var import = await Factory.InScopeAsync(async sp =>
                {
                    await using var content = File.OpenRead(path);
                    return await sp.GetRequiredService<OperatorImporter>().ImportAsync(convention, operatorId, content, Path.GetFileName(path), null, null, CancellationToken.None);
                });
                Assert.True(import.Status == ImportStatus.Succeeded, import.Errors);
            }
            return (convention, month);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

[Collection(ImportCollection.Name)]
public sealed class SqliteCampaignTests(SqliteFactory factory) : CampaignTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCampaignTests(PostgresFactory factory) : CampaignTests(factory), IClassFixture<PostgresFactory>;
