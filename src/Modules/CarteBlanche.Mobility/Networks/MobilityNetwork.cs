using System.Collections.Concurrent;
using CarteBlanche.Transit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Mobility.Networks;

/// <summary>
/// A transit network loaded for searching, shared read-only by every request, and a pool of planners over it: a
/// planner reuses its buffers from one query to the next (one query at a time), so each search borrows one and gives
/// it back. A few are kept (as many as searches ran at once, up to <see cref="MaxPooled"/>); more are made when needed.
/// </summary>
public sealed class NetworkInService
{
    public const int MaxPooled = 32;

    private readonly ConcurrentBag<Planner> _planners = [];

    public NetworkInService(TransitNetwork network, Guid? importId)
    {
        Network = network;
        ImportId = importId;
        Calendar = network.CalendarSpan();
    }

    public TransitNetwork Network { get; }

    /// <summary>The import it comes from; null for the feed of the configuration (no import yet).</summary>
    public Guid? ImportId { get; }

    /// <summary>First and last days the timetables cover.</summary>
    public (DateOnly First, DateOnly Last) Calendar { get; }

    /// <summary>Runs one query on a planner of the pool.</summary>
    public T Plan<T>(Func<Planner, T> query)
    {
        if (!_planners.TryTake(out var planner))
        {
            planner = new Planner(Network);
        }
        try
        {
            return query(planner);
        }
        finally
        {
            if (_planners.Count < MaxPooled)
            {
                _planners.Add(planner);
            }
        }
    }

    /// <summary>Reads a feed (a folder or a zip); null, with the report saying why, when it has a blocking error.</summary>
    public static NetworkInService? Read(string path, Guid? importId, ValidationReport report)
    {
        var feed = GtfsReader.Read(path, "reseau", report);
        return feed == null ? null : new NetworkInService(TransitNetwork.Build([feed]), importId);
    }

    /// <summary>The same from a zip held in memory (an upload, an import's stored zip).</summary>
    public static NetworkInService? Read(byte[] zip, string name, Guid? importId, ValidationReport report)
    {
        var feed = GtfsReader.Read(zip, name, "reseau", report);
        return feed == null ? null : new NetworkInService(TransitNetwork.Build([feed]), importId);
    }
}

/// <summary>
/// The network journeys are searched on: the latest GTFS import in service (<see cref="GtfsImport"/>), or, before any
/// import, the feed of the configuration (by default the Lot's demonstration feed shipped with the module). Each
/// instance checks at most every <see cref="CheckEvery"/> whether another import was put in service (by itself or by
/// another instance of the application) and then loads it; searches meanwhile keep using the previous one.
/// </summary>
public sealed partial class MobilityNetwork(IServiceScopeFactory scopes, IOptions<MobilityOptions> options, TimeProvider time, ILogger<MobilityNetwork> logger)
{
    public const string DefaultFeed = "Data/gtfs/lot";
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile NetworkInService? _current;
    private bool _unreadable;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>The network in service; null when there is none that can be read (the journal says why).</summary>
    public async Task<NetworkInService?> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if ((current != null || _unreadable) && time.GetUtcNow() - _checkedAt < CheckEvery)
        {
            return current;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if ((_current != null || _unreadable) && time.GetUtcNow() - _checkedAt < CheckEvery)
            {
                return _current;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
            var inService = await db.Set<GtfsImport>().AsNoTracking().Where(i => i.Status == GtfsImportStatus.InService)
                .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
            if (_current == null || _current.ImportId != inService)
            {
                _current = inService is { } id ? await LoadImportAsync(db, id, cancellationToken) ?? _current : LoadConfigured();
                _unreadable = _current == null;
            }
            _checkedAt = time.GetUtcNow();
            return _current;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Puts a network just imported in service on this instance at once (the others see it at their next check).</summary>
    public void Use(NetworkInService network)
    {
        _current = network;
        _unreadable = false;
        _checkedAt = time.GetUtcNow();
    }

    private async Task<NetworkInService?> LoadImportAsync(CarteBlancheDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var zip = await db.Set<GtfsImportContent>().AsNoTracking().Where(c => c.ImportId == id).Select(c => c.Zip).SingleOrDefaultAsync(cancellationToken);
        if (zip == null)
        {
            LogUnreadable(logger, id.ToString("D"), 1);
            return null;
        }
        var report = new ValidationReport(id.ToString("D"));
        var network = NetworkInService.Read(zip, id.ToString("D") + ".zip", id, report);
        if (network == null)
        {
            LogUnreadable(logger, id.ToString("D"), report.Total(Severity.Fatal));
        }
        return network;
    }

    /// <summary>The feed of the configuration: <see cref="MobilityOptions.GtfsPath"/>, or the demonstration feed.</summary>
    public string ConfiguredPath => string.IsNullOrWhiteSpace(options.Value.GtfsPath) ? Path.Combine(AppContext.BaseDirectory, DefaultFeed) : options.Value.GtfsPath;

    private NetworkInService? LoadConfigured()
    {
        var path = ConfiguredPath;
        var report = new ValidationReport(Path.GetFileName(path));
        var network = NetworkInService.Read(path, null, report);
        if (network == null)
        {
            LogUnreadable(logger, path, report.Total(Severity.Fatal));
        }
        return network;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Réseau de transport illisible ({Source}) : {Fatal} erreur(s) bloquante(s)")]
    private static partial void LogUnreadable(ILogger logger, string source, int fatal);
}
