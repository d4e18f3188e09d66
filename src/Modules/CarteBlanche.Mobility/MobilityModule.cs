using CarteBlanche.Mobility.Journeys;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Mobility;

public sealed class MobilityOptions
{
    public const string Section = "Mobility";

    /// <summary>The GTFS feed in service (a folder or a zip); by default the Lot's demonstration feed shipped with the module.</summary>
    public string? GtfsPath { get; set; }
}

public static class MobilityModule
{
    public static readonly ModuleModel Model = new("Mobility", typeof(MobilityModule).Assembly);

    public static IServiceCollection AddMobilityModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddOptions<MobilityOptions>().BindConfiguration(MobilityOptions.Section);
        services.AddSingleton<MobilityNetwork>();
        services.AddScoped<JourneySearch>();
        return services;
    }
}
