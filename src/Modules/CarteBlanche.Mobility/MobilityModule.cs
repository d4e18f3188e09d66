using CarteBlanche.Mobility.Journeys;
using CarteBlanche.Mobility.Networks;
using CarteBlanche.Platform.Jobs;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Mobility;

public sealed class MobilityOptions
{
    public const string Section = "Mobility";

    /// <summary>The GTFS feed in service (a folder or a zip); by default the Lot's demonstration feed shipped with the module.</summary>
    public string? GtfsPath { get; set; }

    /// <summary>The network's open-data address (a GTFS zip): fetched every <see cref="GtfsRefreshHours"/> hours and imported when it changed.</summary>
    public string? GtfsUrl { get; set; }

    [System.ComponentModel.DataAnnotations.Range(1, 24 * 31)]
    public int GtfsRefreshHours { get; set; } = 24;

    /// <summary>The largest feed the scheduled re-import downloads, in megabytes (a sent zip is capped at 200 Mo by the page).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 2000)]
    public int GtfsMaxMegabytes { get; set; } = 200;

    /// <summary>The organisation whose helpers run the solidarity carpool (Lot'ôcar's operator): they see every ride and contact.</summary>
    public string CarpoolOperator { get; set; } = "Association Mobilité solidaire du Lot (démonstration)";

    /// <summary>A person's name and phone are wiped this long after their last need's day or their last trip's end.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 120)]
    public int RetentionMonths { get; set; } = 12;

    /// <summary>
    /// The emission factor of a car kilometre avoided (kg CO2e per km) and where it comes from, dated (« ADEME, Base
    /// Empreinte, voiture particulière, 2025 »): no default, so that no figure rests on an unsourced number; without
    /// them the figures say the CO2 avoided is not computed.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 1.0)]
    public double? Co2KilogramsPerKilometre { get; set; }
    [System.ComponentModel.DataAnnotations.MaxLength(300)]
    public string? Co2Source { get; set; }

    /// <summary>A commune-to-commune road-time table (CSV « origine;destination;minutes », INSEE codes) for the carpool's detours; without it, the straight line × 1.4 at 60 km/h.</summary>
    public string? RoadTimesPath { get; set; }

    /// <summary>Requests a client address may post an hour on the public carpool request page.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int PublicRequestsPerHour { get; set; } = 10;
}

public static class MobilityModule
{
    public static readonly ModuleModel Model = new("Mobility", typeof(MobilityModule).Assembly);

    /// <summary>Rate limit of the public carpool request: <see cref="MobilityOptions.PublicRequestsPerHour"/> posts an hour per client address.</summary>
    public const string RequestRateLimit = "mobility-request";

    public static IServiceCollection AddMobilityModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddOptions<MobilityOptions>().BindConfiguration(MobilityOptions.Section).ValidateDataAnnotations()
            .Validate(o => (o.Co2KilogramsPerKilometre == null) == string.IsNullOrWhiteSpace(o.Co2Source),
                "Mobility:Co2KilogramsPerKilometre et Mobility:Co2Source vont ensemble : un facteur d'émission et sa source datée (par exemple « ADEME, Base Empreinte, 2025 »).")
            .ValidateOnStart();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<MobilityOptions>>((o, mobility) =>
            o.AddPolicy(RequestRateLimit, context =>
                HttpMethods.IsGet(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("get")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = mobility.Value.PublicRequestsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
        services.AddRecurringJob<Needs.MobilityRetentionJob>();
        services.AddSingleton<MobilityNetwork>();
        services.AddScoped<GtfsImporter>();
        services.AddScoped<GtfsPublication>();
        services.AddRecurringJob<GtfsRefreshJob>();
        services.AddHttpClient(GtfsRefreshJob.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(2));
        services.AddScoped<JourneySearch>();
        services.AddScoped<Needs.MobilityFigures>();
        services.AddScoped<Platform.Results.ISolutionResults, MobilityResults>();
        services.AddScoped<Needs.MobilityAccess>();
        services.AddScoped<Needs.NeedRecording>();
        services.AddScoped<Carpool.CarpoolSearch>();
        services.AddScoped<Offers.MobilityDemoData>();
        services.AddSingleton<IModuleInitialiser, MobilityInitialiser>();
        // The straight line × 1.4 at 60 km/h, or the commune-to-commune table when one is configured (ADR 0017).
        services.AddSingleton<Carpool.IRoadTimes>(provider =>
            provider.GetRequiredService<IOptions<MobilityOptions>>().Value.RoadTimesPath is { Length: > 0 } path
                ? Carpool.TableRoadTimes.Load(path, new Carpool.StraightLineRoadTimes())
                : new Carpool.StraightLineRoadTimes());
        return services;
    }
}

internal sealed class MobilityInitialiser : IModuleInitialiser
{
    /// <summary>The demonstration feed becomes the first import, so that the networks' page has its history and report from the start.</summary>
    private static async Task SeedNetworkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CarteBlancheDbContext>();
        if (await db.Set<GtfsImport>().AnyAsync(cancellationToken))
        {
            return;
        }
        var path = services.GetRequiredService<MobilityNetwork>().ConfiguredPath;
        using var zip = new MemoryStream(GtfsPublication.Zip(path));
        await services.GetRequiredService<GtfsImporter>().ImportAsync(zip, $"Jeu de démonstration ({Path.GetFileName(path.TrimEnd('/'))})", null, cancellationToken);
    }

    public async Task InitialiseAsync(IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken)
    {
        // Read now: a wrong road-time table stops the start-up rather than the first search.
        services.GetRequiredService<Carpool.IRoadTimes>();
        if (seedDemoData)
        {
            await services.GetRequiredService<Offers.MobilityDemoData>().SeedAsync(cancellationToken);
            await SeedNetworkAsync(services, cancellationToken);
        }
    }
}
