using CarteBlanche.Desk.Contracts;
using CarteBlanche.Rights.Consents;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Rights;

public static class RightsLimits
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 60;
    /// <summary>A consent lasts at most this long (then it is asked again).</summary>
    public const int ConsentMaxYears = 3;
}

public static class RightsModule
{
    public static readonly ModuleModel Model = new("Rights", typeof(RightsModule).Assembly);

    public static IServiceCollection AddRightsModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddOptions<RightsOptions>().BindConfiguration(RightsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ConsentRegistry>();
        services.AddScoped<Exchange.RightsSecrets>();
        services.AddScoped<Exchange.NirHasher>();
        services.AddScoped<Exchange.FactCipher>();
        services.AddScoped<Exchange.OperatorImporter>();
        services.AddScoped<Campaigns.CampaignRunner>();
        services.AddScoped<Platform.Results.ISolutionResults, Campaigns.RightsResults>();
        services.AddSingleton<Campaigns.CampaignQueue>();
        services.AddHostedService<Campaigns.CampaignWorker>();
        services.AddSingleton<Exchange.ImportQueue>();
        services.AddHostedService<Exchange.ImportWorker>();
        services.AddScoped<Campaigns.ResidentSignals>();
        services.AddScoped<IResidentSectionSource, ResidentConsentsSection>();
        services.AddScoped<IResidentSectionSource, Campaigns.ResidentRightsSection>();
        services.AddScoped<ICaseSectionSource, Campaigns.KnownDataSection>();
        services.AddScoped<IResidentPersonalDataWipe, ConsentDataWipe>();
        services.AddScoped<RightsDemoData>();
        services.AddSingleton<IModuleInitialiser, RightsInitialiser>();
        return services;
    }
}

internal sealed class RightsInitialiser : IModuleInitialiser
{
    public async Task InitialiseAsync(IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken)
    {
        if (seedDemoData)
        {
            await services.GetRequiredService<RightsDemoData>().SeedAsync(cancellationToken);
        }
    }
}
