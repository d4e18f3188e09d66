using CarteBlanche.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CarteBlanche.Migrations.Postgres;

/// <summary>Used by "dotnet ef migrations add" only (no server needed). Lists every module's model.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CarteBlancheDbContext>
{
    public CarteBlancheDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CarteBlancheDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            PostgresConnectionString = "Host=localhost;Database=carteblanche_design",
        });
        return new CarteBlancheDbContext(options.Options, ModuleModels.All);
    }
}
