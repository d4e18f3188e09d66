using CarteBlanche.Platform.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CarteBlanche.Web.Hosting;

internal sealed class DatabaseHealthCheck(CarteBlancheDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("base de données joignable")
            : HealthCheckResult.Unhealthy("base de données injoignable");
}
