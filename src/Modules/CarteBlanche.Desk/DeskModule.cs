using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Pages.Chiffres;
using CarteBlanche.Desk.Procedures;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Desk.Retention;
using CarteBlanche.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Desk;

/// <summary>Section "Desk".</summary>
public sealed class DeskOptions
{
    public const string Section = "Desk";

    /// <summary>Working days to give the answer back, by default.</summary>
    public int CommitmentDays { get; set; } = 5;

    /// <summary>Per-domain exceptions, e.g. "Desk:CommitmentDaysByDomain:Retraite": 10.</summary>
    public Dictionary<NeedDomain, int> CommitmentDaysByDomain { get; set; } = [];

    /// <summary>Months a closed case keeps its personal data before the retention job wipes it (1 to 120).</summary>
    public int RetentionMonths { get; set; } = 12;

    public int DaysFor(NeedDomain domain) => CommitmentDaysByDomain.TryGetValue(domain, out var days) ? days : CommitmentDays;
}

public static class DeskModule
{
    public static IServiceCollection AddDeskModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddOptions<DeskOptions>().BindConfiguration(DeskOptions.Section)
            .Validate(o => o.CommitmentDays is > 0 and <= 60 && o.CommitmentDaysByDomain.Values.All(d => d is > 0 and <= 60),
                "Desk:CommitmentDays (et Desk:CommitmentDaysByDomain) doivent être compris entre 1 et 60 jours ouvrés.")
            .Validate(o => o.RetentionMonths is >= 1 and <= 120, "Desk:RetentionMonths doit être compris entre 1 et 120 mois.")
            .ValidateOnStart();
        services.AddSingleton<ResidentIdentifiers>();
        services.AddScoped<DeskAccess>();
        services.AddScoped<Residents.ResidentAccess>();
        services.AddScoped<Contracts.IDeskCases, Contracts.DeskCases>();
        services.AddScoped<Contracts.IDeskResidents, Contracts.DeskResidents>();
        services.AddScoped<ProcedureCatalogue>();
        services.AddScoped<DeskDemoData>();
        services.AddScoped<SiteFigures>();
        services.AddScoped<Platform.Results.ISolutionResults, Results.DeskResults>();
        services.AddRecurringJob<DeskRetentionJob>();
        services.AddSingleton<IModuleInitialiser, DeskInitialiser>();
        return services;
    }

    public static readonly ModuleModel Model = new("Desk", typeof(DeskModule).Assembly);
}

internal sealed class DeskInitialiser : IModuleInitialiser
{
    public async Task InitialiseAsync(IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ProcedureCatalogue>().EnsureLoadedAsync(cancellationToken);
        if (seedDemoData)
        {
            await services.GetRequiredService<DeskDemoData>().SeedAsync(cancellationToken);
        }
    }
}
