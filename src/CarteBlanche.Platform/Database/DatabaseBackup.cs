using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CarteBlanche.Platform.Database;

/// <summary>A backup or a restore that could not be done, and why (French, for the operator).</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Backs up and restores the whole database. SQLite: SQLite's online backup, page by page, while the application
/// keeps running. PostgreSQL: <c>pg_dump</c> in its custom format, restored with <c>pg_restore</c>. A backup is
/// written to « file.partiel » and renamed only once complete: an interrupted backup leaves no file that looks whole.
/// </summary>
public sealed class DatabaseBackup(CarteBlancheDbContext db, IOptions<DatabaseOptions> options)
{
    public async Task BackupAsync(string path, CancellationToken cancellationToken)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path))
        {
            throw new BackupException($"{path} existe déjà : une sauvegarde n'en écrase pas une autre, choisissez un autre nom.");
        }
        if (Path.GetDirectoryName(path) is { } directory && !Directory.Exists(directory))
        {
            throw new BackupException($"Le dossier {directory} n'existe pas.");
        }
        var partial = path + ".partiel";
        File.Delete(partial);
        try
        {
            if (options.Value.Provider == DatabaseProvider.Sqlite)
            {
                var source = (SqliteConnection)db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync(cancellationToken);
                try
                {
                    using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
                    destination.Open();
                    source.BackupDatabase(destination);
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            else
            {
                await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", partial], cancellationToken);
            }
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces the database with a backup. The application must be stopped (its requests would write to the replaced
    /// database). SQLite: the file is checked (a Carte Blanche database), copied next to the database, then moved over
    /// it. PostgreSQL: <c>pg_restore --clean --if-exists</c> in one transaction, so that a failed restore changes nothing.
    /// </summary>
    public async Task RestoreAsync(string path, CancellationToken cancellationToken)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new BackupException($"{path} n'existe pas.");
        }
        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            var target = options.Value.SqlitePath;
            var staging = target + ".restauration";
            File.Copy(path, staging, overwrite: true);
            try
            {
                using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = staging, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
                {
                    check.Open();
                    using var command = check.CreateCommand();
                    command.CommandText = "SELECT count(*) FROM \"__EFMigrationsHistory\"";
                    try
                    {
                        _ = command.ExecuteScalar();
                    }
                    catch (SqliteException)
                    {
                        throw new BackupException($"{path} n'est pas une sauvegarde SQLite de Carte Blanche (pas d'historique des migrations).");
                    }
                }
                SqliteConnection.ClearAllPools();
                // The write-ahead log of the replaced database would be replayed onto the restored one.
                File.Delete(target + "-wal");
                File.Delete(target + "-shm");
                File.Move(staging, target, overwrite: true);
            }
            finally
            {
                File.Delete(staging);
            }
        }
        else
        {
            await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname", Database(), path], cancellationToken);
        }
    }

    private string Database() => new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database
        ?? throw new BackupException("La chaîne de connexion PostgreSQL ne nomme pas de base.");

    /// <summary>Runs a PostgreSQL client with the connection's server, user and password in its environment (not on its command line).</summary>
    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGDATABASE"] = connection.Database;
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{tool} n'a pas pu être lancé.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException($"{tool} est introuvable : installez le client PostgreSQL (paquet Debian postgresql-client).");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} a échoué (code {process.ExitCode}) : {(await error).Trim()}");
            }
        }
    }
}
