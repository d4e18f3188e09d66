namespace CarteBlanche.Platform.Database;

/// <summary>A module's start-up work after the platform's (reference data; demo data in Development).</summary>
public interface IModuleInitialiser
{
    Task InitialiseAsync(IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken);
}
