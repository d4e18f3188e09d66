using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Payroll;
using CarteBlanche.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Employers;

public static class EmployersModule
{
    public static readonly ModuleModel Model = new("Employers", typeof(EmployersModule).Assembly);

    public static IServiceCollection AddEmployersModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        // The URSSAF's model in V8, loaded on the first payslip (~1 s) and kept for the application (ADR 0018).
        services.AddSingleton(_ => new Lazy<PayrollModel>(() => PayrollModel.Load(), LazyThreadSafetyMode.ExecutionAndPublication));
        services.AddSingleton<PayslipCalculator>();
        services.AddScoped<EmployersAccess>();
        services.AddScoped<Platform.Results.ISolutionResults, Evaluation.EmployersResults>();
        services.AddSingleton<Declarations.EmployeeIdentifiers>();
        services.AddScoped<Declarations.DsnPreparation>();
        services.AddRecurringJob<Reminders.HrReminderJob>();
        services.AddScoped<EmployersDemoData>();
        services.AddSingleton<IModuleInitialiser, EmployersInitialiser>();
        return services;
    }
}

internal sealed class EmployersInitialiser : IModuleInitialiser
{
    public async Task InitialiseAsync(IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken)
    {
        if (seedDemoData)
        {
            await services.GetRequiredService<EmployersDemoData>().SeedAsync(cancellationToken);
        }
    }
}
