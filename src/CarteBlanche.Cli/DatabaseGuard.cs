using CarteBlanche.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Cli;

internal static class DatabaseGuard
{
    /// <summary>A clear message instead of "relation does not exist" when the database is not (fully) migrated.</summary>
    public static async Task<bool> EnsureMigratedAsync(CarteBlancheDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return true;
        }
        await Console.Error.WriteLineAsync($"La base de données n'est pas à jour ({pending.Count} migration(s) en attente). Lancez d'abord : ./carteblanche db migrate");
        return false;
    }
}
