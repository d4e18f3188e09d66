using CarteBlanche.Platform.Database;

namespace CarteBlanche.Migrations.Postgres;

/// <summary>The modules whose tables these migrations create. Add a module here when it gets its first table.</summary>
internal static class ModuleModels
{
    public static readonly IReadOnlyList<ModuleModel> All = [Desk.DeskModule.Model, Network.NetworkModule.Model, Bus.BusModule.Model, Rights.RightsModule.Model, Mobility.MobilityModule.Model, Employers.EmployersModule.Model];
}
