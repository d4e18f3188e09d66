using CarteBlanche.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CarteBlanche.Migrations.Sqlite;

/// <summary>Used by "dotnet ef migrations add" only. Lists every module's model.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CarteBlancheDbContext>
{
    public CarteBlancheDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CarteBlancheDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            SqliteConnectionString = "Data Source=design-time.db",
        });
        return new CarteBlancheDbContext(options.Options, ModuleModels.All);
    }
}
