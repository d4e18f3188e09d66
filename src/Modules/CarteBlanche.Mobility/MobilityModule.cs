using CarteBlanche.Mobility.Journeys;
using CarteBlanche.Mobility.Networks;
using CarteBlanche.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The organisation whose helpers run the solidarity carpool (Lot'ôcar's operator): they see every ride and contact.</summary>
    public string CarpoolOperator { get; set; } = "Association Mobilité solidaire du Lot (démonstration)";

    /// <summary>A person's name and phone are wiped this long after their last need's day or their last trip's end.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 120)]
    public int RetentionMonths { get; set; } = 12;
}

public static class MobilityModule
{
    public static readonly ModuleModel Model = new("Mobility", typeof(MobilityModule).Assembly);

    public static IServiceCollection AddMobilityModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddOptions<MobilityOptions>().BindConfiguration(MobilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRecurringJob<Needs.MobilityRetentionJob>();
        services.AddSingleton<MobilityNetwork>();
        services.AddScoped<GtfsImporter>();
        services.AddScoped<GtfsPublication>();
        services.AddRecurringJob<GtfsRefreshJob>();
        services.AddHttpClient(GtfsRefreshJob.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(2));
        services.AddScoped<JourneySearch>();
        services.AddScoped<Needs.MobilityAccess>();
        services.AddScoped<Carpool.CarpoolSearch>();
        services.AddScoped<Offers.MobilityDemoData>();
        services.AddSingleton<IModuleInitialiser, MobilityInitialiser>();
        services.AddSingleton<Carpool.IRoadTimes, Carpool.StraightLineRoadTimes>();
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
        if (seedDemoData)
        {
            await services.GetRequiredService<Offers.MobilityDemoData>().SeedAsync(cancellationToken);
            await SeedNetworkAsync(services, cancellationToken);
        }
    }
}
