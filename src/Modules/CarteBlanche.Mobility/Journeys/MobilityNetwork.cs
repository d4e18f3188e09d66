using System.Collections.Concurrent;
using CarteBlanche.Transit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Mobility.Journeys;

/// <summary>
/// The transit network in service, read once and shared read-only by every request, and a pool of planners over it:
/// a planner reuses its buffers from one query to the next (one query at a time), so each search borrows one and gives
/// it back. A few are kept (as many as searches ran at once, up to <see cref="MaxPooled"/>); more are made when needed.
/// </summary>
public sealed partial class MobilityNetwork(IOptions<MobilityOptions> options, ILogger<MobilityNetwork> logger)
{
    public const int MaxPooled = 32;
    public const string DefaultFeed = "Data/gtfs/lot";

    private readonly ConcurrentBag<Planner> _planners = [];
    private readonly Lazy<Loaded?> _loaded = new(() => Load(options.Value, logger), LazyThreadSafetyMode.ExecutionAndPublication);

    private sealed record Loaded(TransitNetwork Network, ValidationReport Report, DateOnly First, DateOnly Last);

    /// <summary>Null when the feed could not be read (a fatal error: the journal says which).</summary>
    public TransitNetwork? Network => _loaded.Value?.Network;

    public ValidationReport? Report => _loaded.Value?.Report;

    /// <summary>First and last days the timetables cover.</summary>
    public (DateOnly First, DateOnly Last) Calendar => _loaded.Value is { } l ? (l.First, l.Last) : (DateOnly.MaxValue, DateOnly.MinValue);

    /// <summary>Runs one query on a planner of the pool.</summary>
    public T Plan<T>(Func<Planner, T> query)
    {
        var network = Network ?? throw new InvalidOperationException("Aucun réseau de transport n'est en service.");
        if (!_planners.TryTake(out var planner))
        {
            planner = new Planner(network);
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

    private static Loaded? Load(MobilityOptions options, ILogger logger)
    {
        var path = string.IsNullOrWhiteSpace(options.GtfsPath) ? Path.Combine(AppContext.BaseDirectory, DefaultFeed) : options.GtfsPath;
        var report = new ValidationReport(Path.GetFileName(path));
        var feed = GtfsReader.Read(path, "lot", report);
        if (feed == null)
        {
            LogUnreadable(logger, path, report.Total(Severity.Fatal));
            return null;
        }
        var network = TransitNetwork.Build([feed]);
        var (first, last) = network.CalendarSpan();
        return new Loaded(network, report, first, last);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Réseau de transport illisible ({Path}) : {Fatal} erreur(s) bloquante(s)")]
    private static partial void LogUnreadable(ILogger logger, string path, int fatal);
}
