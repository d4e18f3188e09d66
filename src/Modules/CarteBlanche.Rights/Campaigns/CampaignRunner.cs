using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using CarteBlanche.Desk.Contracts;
using CarteBlanche.Linkage;
using CarteBlanche.Rights.Consents;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights.Conventions;
using CarteBlanche.Rights.Exchange;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using BenefitsMonth = CarteBlanche.Benefits.Month;

namespace CarteBlanche.Rights.Campaigns;

/// <summary>
/// Runs a non-take-up campaign over the operators' current data under a convention: reads and decrypts the records,
/// links and assesses them (<see cref="NonTakeUpDetector"/>), and writes the signals together with the campaign's
/// success in one transaction. Interrupted, it leaves a campaign « en cours » without signals, which the next start
/// marks interrupted. Progress is written on the campaign row (the page's progress bar reads it).
/// </summary>
public sealed partial class CampaignRunner(CarteBlancheDbContext db, IDataProtectionProvider provider, FactCipher factCipher, IDeskResidents deskResidents, IAuditLog auditLog, ParisClock clock, ILogger<CampaignRunner> logger, Microsoft.Extensions.Options.IOptions<RightsOptions> options)
{
    /// <summary>A campaign « en cours » for longer is taken as interrupted (a stopped process) when another starts.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    public const int SaveBatch = 2000;

    private readonly IDataProtector _signals = provider.CreateProtector(SignalProtection.Purpose);

    /// <summary>Creates the campaign (« en cours »); null and a French reason when it cannot start.</summary>
    public async Task<(Campaign? Campaign, string? Refusal)> StartAsync(Guid conventionId, BenefitsMonth month, Guid? by, CancellationToken cancellationToken)
    {
        var convention = await db.Set<Convention>().AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == conventionId, cancellationToken);
        if (convention == null)
        {
            return (null, "Convention introuvable.");
        }
        if (convention.StatusOn(clock.Today) != ConventionStatus.InForce)
        {
            return (null, $"La convention « {convention.Title} » n'est pas en vigueur : aucune campagne ne peut être lancée en son nom.");
        }
        if (!await db.Set<OperatorImport>().AnyAsync(i => i.ConventionId == conventionId && i.IsCurrent, cancellationToken))
        {
            return (null, "Aucun organisme n'a encore transmis de fichier sous cette convention : rien à analyser.");
        }
        var now = clock.Now;
        var running = await db.Set<Campaign>().Where(c => c.ConventionId == conventionId && c.Status == CampaignStatus.Running).ToListAsync(cancellationToken);
        if (running.Any(c => now - c.StartedAt < StaleAfter))
        {
            return (null, "Une campagne est déjà en cours pour cette convention : attendez qu'elle se termine.");
        }
        foreach (var stale in running)
        {
            stale.Status = CampaignStatus.Failed;
            stale.Failure = "Interrompue (arrêt du serveur) : aucun signalement n'a été enregistré.";
            stale.FinishedAt = now;
        }
        var campaign = new Campaign { ConventionId = conventionId, Month = month.FirstDay, Status = CampaignStatus.Running, StartedAt = now, StartedBy = by, Step = "En attente" };
        db.Add(campaign);
        auditLog.Add(db, new AuditEvent("rights.campaign-start", "Convention", conventionId.ToString("D"), AuditPurpose.OperatorData, ActorId: by));
        await db.SaveChangesAsync(cancellationToken);
        return (campaign, null);
    }

    /// <summary>Runs a started campaign to its end (succeeded or failed). <paramref name="truth"/>: a synthetic Lot's truth, to measure precision and recall.</summary>
    public async Task<Campaign> RunAsync(Guid campaignId, SyntheticLotTruth? truth, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<Campaign>().SingleAsync(c => c.Id == campaignId, cancellationToken);
        try
        {
            await RunAsync(campaign, truth, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, campaign.Id, e);
            db.ChangeTracker.Clear();
            await db.Set<Campaign>().Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CampaignStatus.Failed)
                .SetProperty(c => c.Failure, "La campagne a échoué : aucun signalement n'a été enregistré. L'erreur est dans le journal du serveur.")
                .SetProperty(c => c.FinishedAt, clock.Now), CancellationToken.None);
        }
        return await db.Set<Campaign>().AsNoTracking().SingleAsync(c => c.Id == campaignId, CancellationToken.None);
    }

    private async Task RunAsync(Campaign campaign, SyntheticLotTruth? truth, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await ReportAsync(campaign, 1, "Lecture des données des organismes");
        var convention = await db.Set<Convention>().AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == campaign.ConventionId, cancellationToken);
        var names = await db.Organisations.Where(o => convention.Parties.Select(p => p.OrganisationId).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.ShortName ?? o.Name, cancellationToken);
        var sources = new List<CampaignSource>();
        var settings = new LinkageSettings { MatchThreshold = options.Value.MatchThreshold, ReviewThreshold = options.Value.ReviewThreshold };
        foreach (var party in convention.Parties.OrderBy(p => names.GetValueOrDefault(p.OrganisationId), StringComparer.Ordinal))
        {
            var records = await LoadAsync(campaign.ConventionId, party.OrganisationId, cancellationToken);
            if (records.Count > 0)
            {
                var codes = convention.Attributes.Where(a => a.OperatorId == party.OrganisationId).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
                // Linkage's preparation of this file runs while the next one is read.
                var prepared = Task.Run(() => Linker.Prepare(records.Select(r => r.Identity).ToList(), settings, cancellationToken), cancellationToken);
                sources.Add(new CampaignSource(party.OrganisationId, names.GetValueOrDefault(party.OrganisationId, "organisme"), codes, records) { Prepared = prepared });
            }
        }
        campaign.Records = sources.Sum(s => s.Records.Count);
        // The desk's residents who consented under this convention (or withdrew): linked as one more source, last.
        var residents = await ResidentsAsync(campaign.ConventionId, cancellationToken);
        var desk = -1;
        if (residents.Count > 0)
        {
            desk = sources.Count;
            sources.Add(new CampaignSource(Guid.Empty, "Guichet", new HashSet<string>(), residents.Select(r => new CampaignRecord(r.Id.ToString("D"), null, PersonRole.Person,
                new PersonRecord(r.Id.ToString("D"), null, r.LastName, r.BirthName, r.FirstName, '\0', r.BirthDate, null, r.CommuneInseeCode), new Dictionary<string, string>())).ToList()));
        }
        var siteOf = residents.ToDictionary(r => r.Id.ToString("D"), r => r.SiteId);
        campaign.LoadSeconds = watch.Elapsed.TotalSeconds;
        await ReportAsync(campaign, 20, "Rapprochement des personnes et calcul des droits");

        // The detection runs on the thread pool; meanwhile its progress goes to the campaign row once a second.
        var progress = new LatestProgress();
        var month = BenefitsMonth.Of(campaign.Month.Year, campaign.Month.Month);
        var decided = await DecisionsAsync(campaign.ConventionId, sources, cancellationToken);
        var detection = Task.Run(() => NonTakeUpDetector.Detect(sources, month, settings, progress, cancellationToken, decided), cancellationToken);
        while (await Task.WhenAny(detection, Task.Delay(1000, cancellationToken)) != detection)
        {
            await ReportAsync(campaign, 20 + (int)(65 * progress.Value), progress.Value < 0.8 ? "Rapprochement des personnes" : "Calcul des droits");
        }
        var result = await detection;
        campaign.LinkageSeconds = result.LinkageTime.TotalSeconds;
        campaign.EngineSeconds = result.ComputeTime.TotalSeconds;
        campaign.Households = result.Households.Count;
        campaign.HouseholdsAssessed = result.Households.Count(h => h.Assessed);
        campaign.Persons = result.Households.Sum(h => h.Persons.Count);
        (campaign.EntitledRsa, campaign.EntitledPpa, campaign.EntitledCss) = (result.Entitled["rsa"], result.Entitled["ppa"], result.Entitled["css"]);
        var reviews = result.Links.Where(p => p.LeftSource != desk && p.RightSource != desk)
            .SelectMany(p => p.Result.Links.Where(l => l.Status == LinkStatus.Review).Select(l => new LinkReview
            {
                CampaignId = campaign.Id,
                ConventionId = campaign.ConventionId,
                LeftOperatorId = sources[p.LeftSource].OperatorId,
                LeftSourceId = sources[p.LeftSource].Records[l.Left].SourceId,
                RightOperatorId = sources[p.RightSource].OperatorId,
                RightSourceId = sources[p.RightSource].Records[l.Right].SourceId,
                Weight = l.Weight,
                Probability = l.Probability,
                Evidence = JsonSerializer.Serialize(l.Evidence.Select(e => new ReviewEvidence(e.Field, e.Level, Math.Round(e.PartialWeight, 2)))),
            })).ToList();
        campaign.LinksToReview = reviews.Count;
        IReadOnlyList<string> SourceIds(int household) => result.Households[household].Persons.SelectMany(p => p).Select(r => sources[r.Source].Records[r.Record].SourceId).ToList();
        if (truth != null)
        {
            var quality = truth.Evaluate(result.Signals.Select(s => (SourceIds(s.Household), s.Benefit, s.Kind)));
            (campaign.Precision, campaign.Recall) = (quality.Precision, quality.Recall);
        }
        await ReportAsync(campaign, 85, "Enregistrement des signalements");

        // Residents linked to operators' records, and the households of those who opposed (left out).
        var matches = new List<ResidentMatch>();
        var opposed = await CampaignConsents.OpposedAsync(db, campaign.ConventionId, clock.Today, cancellationToken);
        var left = new HashSet<int>();
        if (desk >= 0)
        {
            var probability = result.Links.Where(p => p.RightSource == desk).SelectMany(p => p.Result.Links.Where(l => l.Status == LinkStatus.Match).Select(l => (p.LeftSource, l.Left, l.Right, l.Probability)))
                .ToDictionary(l => (l.LeftSource, l.Left, l.Right), l => l.Probability);
            foreach (var household in result.Households)
            {
                foreach (var person in household.Persons)
                {
                    var resident = person.FirstOrDefault(r => r.Source == desk);
                    if (resident.Source != desk || person.Count == 1)
                    {
                        continue;
                    }
                    var residentId = sources[desk].Records[resident.Record].SourceId;
                    if (opposed.Contains(Guid.Parse(residentId)))
                    {
                        left.Add(household.Number);
                    }
                    foreach (var r in person.Where(r => r.Source != desk))
                    {
                        matches.Add(new ResidentMatch
                        {
                            CampaignId = campaign.Id,
                            ResidentId = Guid.Parse(residentId),
                            SiteId = siteOf[residentId],
                            Household = household.Number + 1,
                            OperatorId = sources[r.Source].OperatorId,
                            SourceId = sources[r.Source].Records[r.Record].SourceId,
                            RecordId = sources[r.Source].Records[r.Record].RecordId,
                            Probability = probability.TryGetValue((r.Source, r.Record, resident.Record), out var p) ? p : null,
                        });
                    }
                }
            }
        }
        campaign.ResidentsLinked = matches.Select(m => m.ResidentId).Distinct().Count();

        watch.Restart();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var pending = new List<Signal>(SaveBatch);
            foreach (var s in result.Signals.Where(s => !left.Contains(s.Household)))
            {
                var household = result.Households[s.Household];
                var persons = household.Persons.Select(p =>
                {
                    var r = p.OrderBy(r => r.Source).First();
                    var identity = sources[r.Source].Records[r.Record].Identity;
                    return new SignalPerson(sources[r.Source].Name, identity.Id, identity.LastName, identity.FirstNames, identity.BirthDate, identity.Commune);
                }).ToList();
                pending.Add(new Signal
                {
                    CampaignId = campaign.Id,
                    Household = s.Household + 1,
                    Benefit = s.Benefit,
                    Kind = s.Kind,
                    Certainty = s.Certainty,
                    MonthlyAmount = Math.Round((decimal)s.MonthlyAmount, 2),
                    OperatorId = s.CompetentOperatorId,
                    Commune = household.Commune,
                    HouseholdType = household.Type,
                    DetailProtected = _signals.Protect(JsonSerializer.Serialize(new SignalDetail(s.Explanation, s.Assumptions, persons))),
                });
                if (pending.Count == SaveBatch)
                {
                    await BulkInsert.InsertAsync(db, pending, cancellationToken);
                    pending.Clear();
                }
            }
            await BulkInsert.InsertAsync(db, pending, cancellationToken);
            db.AddRange(matches);
            await BulkInsert.InsertAsync(db, reviews, cancellationToken);
            campaign.SaveSeconds = watch.Elapsed.TotalSeconds;
            campaign.Status = CampaignStatus.Succeeded;
            campaign.Progress = 100;
            campaign.Step = null;
            campaign.FinishedAt = clock.Now;
            db.Attach(campaign);
            db.Entry(campaign).State = EntityState.Modified;
            auditLog.Add(db, new AuditEvent("rights.campaign", "Convention", campaign.ConventionId.ToString("D"), AuditPurpose.OperatorData, ActorId: campaign.StartedBy));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>The data stewards' decisions on links of earlier campaigns, the latest per pair, as the linker asks for them.</summary>
    private async Task<Func<RecordRef, RecordRef, bool?>?> DecisionsAsync(Guid conventionId, List<CampaignSource> sources, CancellationToken cancellationToken)
    {
        var reviews = await db.Set<LinkReview>().AsNoTracking().Where(r => r.ConventionId == conventionId && r.Decision != ReviewDecision.Pending).ToListAsync(cancellationToken);
        if (reviews.Count == 0)
        {
            return null;
        }
        var decisions = new Dictionary<(Guid, string, Guid, string), bool>();
        foreach (var r in reviews.OrderBy(r => r.DecidedAt))
        {
            decisions[(r.LeftOperatorId, r.LeftSourceId, r.RightOperatorId, r.RightSourceId)] = r.Decision == ReviewDecision.SamePerson;
            decisions[(r.RightOperatorId, r.RightSourceId, r.LeftOperatorId, r.LeftSourceId)] = r.Decision == ReviewDecision.SamePerson;
        }
        return (a, b) => decisions.TryGetValue((sources[a.Source].OperatorId, sources[a.Source].Records[a.Record].SourceId, sources[b.Source].OperatorId, sources[b.Source].Records[b.Record].SourceId), out var same) ? same : null;
    }

    private async Task<IReadOnlyList<DeskResidentCard>> ResidentsAsync(Guid conventionId, CancellationToken cancellationToken)
    {
        var ids = await db.Set<Consent>().AsNoTracking().Where(c => c.ConventionId == conventionId).Select(c => c.ResidentId).Distinct().ToListAsync(cancellationToken);
        return ids.Count == 0 ? [] : await deskResidents.FindAsync(ids, cancellationToken);
    }

    private async Task<List<CampaignRecord>> LoadAsync(Guid conventionId, Guid operatorId, CancellationToken cancellationToken)
    {
        var current = await db.Set<OperatorImport>().Where(i => i.ConventionId == conventionId && i.OperatorId == operatorId && i.IsCurrent).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(cancellationToken);
        if (current == null)
        {
            return [];
        }
        var codec = await factCipher.CodecAsync(cancellationToken);
        var records = new List<CampaignRecord>();
        // Read with a plain data reader (EF's materialisation took 16 µs a record, the scan itself 1 µs), a batch at a
        // time; each batch's facts are decrypted on the thread pool while the next is read.
        var entity = db.Model.FindEntityType(typeof(OperatorRecord))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
        string[] columns = [nameof(OperatorRecord.Id), nameof(OperatorRecord.SourceId), nameof(OperatorRecord.HouseholdId), nameof(OperatorRecord.Role), nameof(OperatorRecord.NirHash),
            nameof(OperatorRecord.BirthName), nameof(OperatorRecord.UsageName), nameof(OperatorRecord.FirstNames), nameof(OperatorRecord.Sex), nameof(OperatorRecord.BirthDate),
            nameof(OperatorRecord.BirthPlace), nameof(OperatorRecord.Commune), nameof(OperatorRecord.FactsProtected)];
        var codes = new Dictionary<string, string>(StringComparer.Ordinal); // communes: a few hundred strings shared by all
        string? Code(string? code) => code == null ? null : codes.TryGetValue(code, out var shared) ? shared : codes[code] = code;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(Column))} FROM \"{table.Name}\" WHERE {Column(nameof(OperatorRecord.ImportId))} = @import";
            var importId = entity.FindProperty(nameof(OperatorRecord.ImportId))!;
            var mapping = importId.GetRelationalTypeMapping();
            command.Parameters.Add(mapping.CreateParameter(command, "@import", mapping.Converter?.ConvertToProvider(current.Value) ?? current.Value, nullable: false));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var batch = new List<(CampaignRecord Record, string Facts)>(4096);
            var decoding = Task.CompletedTask;
            async Task DecodeAsync()
            {
                await decoding;
                var rows = batch.ToArray();
                batch.Clear();
                decoding = Task.Run(() =>
                {
                    var decoded = new CampaignRecord[rows.Length];
                    Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => decoded[i] = rows[i].Record with { Facts = codec.Unprotect(rows[i].Facts) });
                    lock (records)
                    {
                        records.AddRange(decoded);
                    }
                }, cancellationToken);
            }
            while (await reader.ReadAsync(cancellationToken))
            {
                var sourceId = reader.GetString(1);
                var birthName = reader.GetString(5);
                var usageName = reader.IsDBNull(6) ? null : reader.GetString(6);
                var sex = reader.GetString(8);
                var identity = new PersonRecord(sourceId, reader.IsDBNull(4) ? null : reader.GetString(4), usageName ?? birthName, usageName == null ? null : birthName,
                    reader.GetString(7), sex.Length > 0 ? sex[0] : '\0', reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                    Code(reader.IsDBNull(10) ? null : reader.GetString(10)), Code(reader.IsDBNull(11) ? null : reader.GetString(11)));
                var record = new CampaignRecord(sourceId, reader.IsDBNull(2) ? null : reader.GetString(2), Enum.Parse<PersonRole>(reader.GetString(3)), identity, EmptyFacts)
                {
                    RecordId = reader.GetGuid(0),
                };
                batch.Add((record, reader.GetString(12)));
                if (batch.Count == 4096)
                {
                    await DecodeAsync();
                }
            }
            await DecodeAsync();
            await decoding;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return records;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyFacts = new Dictionary<string, string>();

    private async Task ReportAsync(Campaign campaign, int percent, string step)
    {
        campaign.Progress = percent;
        campaign.Step = step;
        await db.Set<Campaign>().Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Progress, percent).SetProperty(c => c.Step, step));
    }


    [LoggerMessage(Level = LogLevel.Error, Message = "Campagne {CampaignId} en échec")]
    private static partial void LogFailed(ILogger logger, Guid campaignId, Exception exception);
}

public static class SignalProtection
{
    public const string Purpose = "CarteBlanche.Rights.Signals.v1";
}

/// <summary>Campaigns started from a page, run one at a time in the background by <see cref="CampaignWorker"/>.</summary>
public sealed class CampaignQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();

    public void Enqueue(Guid campaignId) => _channel.Writer.TryWrite(campaignId);

    internal ChannelReader<Guid> Reader => _channel.Reader;
}

internal sealed class CampaignWorker(CampaignQueue queue, IServiceScopeFactory scopes) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CampaignRunner>().RunAsync(id, null, stoppingToken);
        }
    }
}
