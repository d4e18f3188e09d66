using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Xunit;

namespace CarteBlanche.IntegrationTests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the whole test run, started from the Debian packages
/// (/usr/lib/postgresql/&lt;version&gt;/bin) in a temporary directory. It listens only on a
/// unix socket in that directory, with trust authentication; each test class gets its own database.
/// Missing binaries make every PostgreSQL test fail with a message that says what to install.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Root = "/usr/lib/postgresql";
    private readonly string _bin;
    private readonly string _dataDirectory;
    private readonly bool _asPostgresUser;
    private int _databases;

    public PostgresServer()
    {
        _bin = FindBinaries();
        _asPostgresUser = Environment.UserName == "root";
        Directory = Path.Combine(Path.GetTempPath(), "cb-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _dataDirectory = Path.Combine(Directory, "data");
        System.IO.Directory.CreateDirectory(Directory);
        try
        {
            if (_asPostgresUser)
            {
                // initdb refuses to run as root: the cluster belongs to the "postgres" account.
                Run("chown", ["postgres:postgres", Directory]);
            }
            RunPostgres("initdb", ["-D", _dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            var options = string.Join(' ',
                "-c listen_addresses=''",
                $"-c unix_socket_directories='{Directory}'",
                "-c max_connections=300",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off");
            RunPostgres("pg_ctl", ["-D", _dataDirectory, "-l", Path.Combine(Directory, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
        }
        catch (Exception ex)
        {
            var log = Path.Combine(Directory, "server.log");
            var detail = File.Exists(log) ? "\nserver.log:\n" + File.ReadAllText(log) : "";
            Dispose();
            throw new InvalidOperationException($"Could not start PostgreSQL from {_bin}: {ex.Message}{detail}", ex);
        }
    }

    /// <summary>The temporary directory: the cluster, its log and its unix socket.</summary>
    public string Directory { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = Directory, Username = "postgres", Database = database, Pooling = true }.ConnectionString;

    /// <summary>A new empty database, or a copy of <paramref name="template"/>; its connection string.</summary>
    public string CreateDatabase(string hint, string? template = null)
    {
        var name = string.Create(CultureInfo.InvariantCulture,
            $"cb_{new string(hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}_{Interlocked.Increment(ref _databases)}");
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = template == null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            try
            {
                RunPostgres("pg_ctl", ["-D", _dataDirectory, "-w", "stop", "-m", "immediate"]);
            }
            catch (InvalidOperationException)
            {
                // Already gone: nothing to stop.
            }
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindBinaries()
    {
        var candidates = System.IO.Directory.Exists(Root)
            ? System.IO.Directory.GetDirectories(Root)
                .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(c => c.Version > 0 && File.Exists(Path.Combine(c.Directory, "bin", "initdb")) && File.Exists(Path.Combine(c.Directory, "bin", "pg_ctl")))
                .OrderByDescending(c => c.Version)
                .ToList()
            : [];
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL server binaries not found: no {Root}/<version>/bin/initdb. The PostgreSQL tests need a real server: " +
                "install the Debian package 'postgresql' (apt-get install postgresql; ./test.sh does it when run as root).");
        }
        return Path.Combine(candidates[0].Directory, "bin");
    }

    private void RunPostgres(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} did not finish in 90 s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }
    }
}

/// <summary>Every PostgreSQL test class joins this collection: one server for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
