using CarteBlanche.Bus.Planning;
using CarteBlanche.Platform.Jobs;
using Microsoft.Extensions.Logging;

namespace CarteBlanche.Bus;

/// <summary>
/// Every hour: carries the published cycle on (its repetitions written up to <see cref="BusPlanning.HorizonDays"/>
/// days ahead, so that the public pages always show four weeks), and wipes the subscription requests nobody confirmed.
/// </summary>
public sealed partial class BusTimetableJob(BusPlanning planning, SubscriptionRequests subscriptions, ILogger<BusTimetableJob> logger) : IRecurringJob
{
    public string Name => "bus.timetable";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var written = await planning.ExtendAsync(cancellationToken);
        var purged = await subscriptions.PurgeUnconfirmedAsync(cancellationToken);
        LogDone(logger, written, purged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bus timetable: {Written} passage(s) of the published cycle written ahead, {Purged} unconfirmed subscription request(s) wiped")]
    private static partial void LogDone(ILogger logger, int written, int purged);
}
