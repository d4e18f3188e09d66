using System.Globalization;
using System.Net;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
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

    [Fact]
    public async Task A_consenting_resident_is_found_for_her_site_s_agents_with_what_the_operators_know_and_her_withdrawal_removes_her_household_at_once()
    {
        var (convention, month) = await ImportLotAsync(400, seed: 11);
        var caf = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "CAF du Lot").Select(o => o.Id).SingleAsync());
        // A household planted without its RSA: its applicant, as one operator knows her, comes to the desk and consents.
        OperatorRecord? known = null;
        foreach (var (household, _) in _truth!.Planted().Where(p => p.Benefit == "rsa"))
        {
            var ids = _truth.SourceIdsOf(household).ToList();
            known = await Factory.WithDbAsync(db => (from r in db.Set<OperatorRecord>()
                                                     join i in db.Set<OperatorImport>() on r.ImportId equals i.Id
                                                     where i.IsCurrent && i.OperatorId == caf && ids.Contains(r.SourceId) && r.Role == PersonRole.Applicant
                                                     select r).AsNoTracking().FirstOrDefaultAsync());
            if (known != null)
            {
                break;
            }
        }
        Assert.NotNull(known);
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", known.FirstNames), new("Input.LastName", known.UsageName ?? known.BirthName), new("Input.BirthName", known.UsageName == null ? "" : known.BirthName),
            new("Input.BirthDate", known.BirthDate!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)), new("Input.CommuneInseeCode", known.Commune ?? ""),
            new("Input.Phone", "05 65 20 00 00"), new("Input.PreferredChannel", "Phone"), new("NotADuplicate", "true"),
        ]);
        var residentId = Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
        var operators = await Factory.WithDbAsync(db => db.Set<Convention>().Where(c => c.Id == convention).SelectMany(c => c.Parties.Select(p => p.OrganisationId)).ToListAsync());
        var today = ParisClock.DayOf(DateTimeOffset.UtcNow);
        using var consented = await Html.PostFormAsync(agent, $"/droits/consentements/nouveau/{residentId}",
        [
            new("Form.ConventionId", convention.ToString()), .. operators.Select(o => new KeyValuePair<string, string>("Form.OperatorIds", o.ToString())),
            new("Form.AttributeCodes", "rsa"), new("Form.AttributeCodes", "quotient_familial"), new("Form.AttributeCodes", "logement"), new("Form.AttributeCodes", "revenus_activite"),
            new("Form.Purposes", "NonTakeUp"), new("Form.Purposes", "TellUsOnce"), new("Form.Channel", "InPerson"),
            new("Form.GivenOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("Form.ExpiresOn", today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.OK, consented.StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<CarteBlanche.Rights.Consents.Consent>().CountAsync(c => c.ResidentId == residentId)));

        var campaign = await Factory.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<CampaignRunner>();
            return await runner.RunAsync((await runner.StartAsync(convention, month, null, CancellationToken.None)).Campaign!.Id, null, CancellationToken.None);
        });
        Assert.Equal(CampaignStatus.Succeeded, campaign.Status);
        Assert.True(campaign.ResidentsLinked >= 1);
        var signal = await Factory.WithDbAsync(db => (from s in db.Set<Signal>()
                                                      join m in db.Set<ResidentMatch>() on new { s.CampaignId, s.Household } equals new { m.CampaignId, m.Household }
                                                      where s.CampaignId == campaign.Id && m.ResidentId == residentId && s.Benefit == "rsa"
                                                      select s).AsNoTracking().Distinct().SingleAsync());

        // The agent of her site sees the right to propose, on the list, on her page and on the signal (her alone of the household).
        var list = await (await agent.GetAsync("/droits/a-proposer")).ReadPageAsync();
        Assert.Contains(known.FirstNames, list, StringComparison.Ordinal);
        Assert.Contains($"/droits/signalements/{signal.Id}", list, StringComparison.Ordinal);
        var residentPage = await (await agent.GetAsync($"/usagers/{residentId}")).ReadPageAsync();
        Assert.Contains("Droits probablement non demandés", residentPage, StringComparison.Ordinal);
        using var opened = await agent.GetAsync($"/droits/signalements/{signal.Id}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var signalPage = await opened.ReadPageAsync();
        Assert.Contains("ici votre espace France Services", signalPage, StringComparison.Ordinal);
        Assert.Contains(known.SourceId, signalPage, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "rights.signal-read" && e.RecordId == signal.Id.ToString())));

        // « Dites-le nous une fois »: a case for her shows what the CAF knows, with its source and date.
        var site = await Factory.WithDbAsync(db => db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync());
        using var newCase = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
            [new("Channel", "InPerson"), new("Needs[0].Domain", "Famille"), new("Needs[0].Description", "Changement de situation"), new("PlaceId", site.ToString())]);
        var casePage = await newCase.ReadPageAsync();
        Assert.Contains("Déjà connu des organismes", casePage, StringComparison.Ordinal);
        Assert.Contains("Bénéficiaire du RSA", casePage, StringComparison.Ordinal);
        Assert.Contains("CAF — fichier du", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Catégorie d'inscription", casePage, StringComparison.Ordinal); // not in her consent
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "rights.known-data-read" && e.RecordId == residentId.ToString())));

        // The CAF's data steward lists the signal, until she withdraws: then her household is gone for everyone, at once.
        using var steward = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.DataSteward));
        Assert.Equal(HttpStatusCode.OK, (await steward.GetAsync($"/droits/signalements/{signal.Id}")).StatusCode);
        await Factory.InScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<CarteBlanche.Rights.Consents.ConsentRegistry>();
            var consent = await sp.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>().Set<CarteBlanche.Rights.Consents.Consent>().SingleAsync(c => c.ResidentId == residentId);
            await registry.WithdrawAsync(consent, CarteBlanche.Rights.Consents.WithdrawalChannel.PersonalLink, null, CancellationToken.None);
        });
        Assert.Equal(HttpStatusCode.NotFound, (await steward.GetAsync($"/droits/signalements/{signal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/droits/signalements/{signal.Id}")).StatusCode);
        Assert.DoesNotContain($"/droits/signalements/{signal.Id}", await (await agent.GetAsync("/droits/a-proposer")).ReadPageAsync(), StringComparison.Ordinal);
        var stewardList = await (await steward.GetAsync($"/droits/campagnes/{campaign.Id}/signalements?prestation=rsa")).ReadPageAsync();
        Assert.DoesNotContain($"/droits/signalements/{signal.Id}", stewardList, StringComparison.Ordinal);
        Assert.DoesNotContain("Bénéficiaire du RSA", await (await agent.GetAsync($"/demandes/{newCase.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last()}")).ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uncertain_links_are_queued_for_the_data_steward_side_by_side_and_her_decisions_apply_to_the_next_campaign()
    {
        var (convention, month) = await ImportLotAsync(1_500, seed: 12);
        // A strict threshold (Rights:MatchThreshold), so that this small Lot has links to review.
        var strict = Microsoft.Extensions.Options.Options.Create(new CarteBlanche.Rights.RightsOptions { MatchThreshold = 0.99 });
        async Task<Campaign> RunAsync() => await Factory.InScopeAsync(async sp =>
        {
            var runner = ActivatorUtilities.CreateInstance<CampaignRunner>(sp, strict);
            return await runner.RunAsync((await runner.StartAsync(convention, month, null, CancellationToken.None)).Campaign!.Id, null, CancellationToken.None);
        });
        var first = await RunAsync();
        var caf = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "CAF du Lot").Select(o => o.Id).SingleAsync());
        var reviews = await Factory.WithDbAsync(db => db.Set<LinkReview>().AsNoTracking().Where(r => r.CampaignId == first.Id).ToListAsync());
        Assert.Equal(first.LinksToReview, reviews.Count);
        var ours = reviews.Where(r => r.LeftOperatorId == caf || r.RightOperatorId == caf).OrderBy(r => r.Id).Take(2).ToList();
        Assert.Equal(2, ours.Count);

        using var steward = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.DataSteward));
        var list = await (await steward.GetAsync($"/droits/campagnes/{first.Id}/rapprochements")).ReadPageAsync();
        Assert.Contains($"/droits/rapprochements/{ours[0].Id}", list, StringComparison.Ordinal);
        var page = await (await steward.GetAsync($"/droits/rapprochements/{ours[0].Id}")).ReadPageAsync();
        Assert.Contains("Les deux fiches côte à côte", page, StringComparison.Ordinal);
        Assert.Contains(ours[0].LeftSourceId, page, StringComparison.Ordinal);
        Assert.Contains(ours[0].RightSourceId, page, StringComparison.Ordinal);
        Assert.Contains("Date de naissance", page, StringComparison.Ordinal);
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/droits/rapprochements/{ours[0].Id}")).StatusCode);

        using var same = await Html.PostFormAsync(steward, $"/droits/rapprochements/{ours[0].Id}", [new("decision", "SamePerson")]);
        Assert.Contains("Décision enregistrée : Même personne", await same.ReadPageAsync(), StringComparison.Ordinal);
        using var different = await Html.PostFormAsync(steward, $"/droits/rapprochements/{ours[1].Id}", [new("decision", "DifferentPersons")]);
        Assert.Contains("Décision enregistrée : Deux personnes différentes", await different.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "rights.link-review")));

        // The next campaign links the first pair, drops the second, and asks about neither again.
        var second = await RunAsync();
        var again = await Factory.WithDbAsync(db => db.Set<LinkReview>().AsNoTracking().Where(r => r.CampaignId == second.Id).ToListAsync());
        Assert.Equal(reviews.Count - 2, again.Count);
        Assert.DoesNotContain(again, r => ours.Any(o => o.LeftSourceId == r.LeftSourceId && o.RightSourceId == r.RightSourceId));
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
