using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace CarteBlanche.IntegrationTests.Infrastructure;

/// <summary>
/// The built web app (src/CarteBlanche.Web) as a process of its own, as a host runs it: <c>dotnet CarteBlanche.Web.dll</c>
/// in Development (demo accounts) on a test database, listening on a free loopback port. <see cref="KillAsync"/> stops it
/// as a crash would (SIGKILL: no shutdown, no finally blocks, no transaction committed or rolled back by the app);
/// <see cref="StartAsync"/> again on the same database is the restart. Background work is off unless a setting turns it on
/// (Notifications:SenderEnabled, Jobs:Enabled), as in <see cref="CarteBlancheFactory"/>.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly string[] _inheritedPrefixesToDrop =
        ["Database__", "ConnectionStrings__", "Smtp__", "Demo__", "Notifications__", "Jobs__", "Bus__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "Logging__"];

    private static int _clients;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public static string DllPath { get; } = Locate();

    /// <summary>The app's temporary directory (TMPDIR) on this database.</summary>
    public static string TempDirectory(TestDatabase database) => Path.Combine(database.DataDirectory, "tmp");

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>What the app wrote on its console (warnings and errors), for the failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the app on <paramref name="database"/> with these settings on top ("Section:Key" = value), and waits until
    /// /health/ready answers (unless <paramref name="waitUntilReady"/> is false: background work starts before the app listens).
    /// </summary>
    public static async Task<AppProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, bool waitUntilReady = true)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root: appsettings.json and the static files' manifest are beside the dll.
            WorkingDirectory = Path.GetDirectoryName(DllPath)!,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var key in start.Environment.Keys.Where(k => _inheritedPrefixesToDrop.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }
        var all = new Dictionary<string, string>(database.Settings)
        {
            ["Smtp:PickupDirectory"] = database.MailDirectory,
            ["Notifications:SenderEnabled"] = "false",
            ["Jobs:Enabled"] = "false",
            ["Bus:PlannerSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        foreach (var (key, value) in all)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        // Its temporary files in a directory of the test's, to see what a crash leaves there.
        Directory.CreateDirectory(TempDirectory(database));
        start.Environment["TMPDIR"] = TempDirectory(database);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {DllPath} did not start");
        var app = new AppProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitUntilReady)
        {
            await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        }
        return app;
    }

    /// <summary>
    /// A client that keeps its cookies, like a browser, from an address of its own (X-Forwarded-For, trusted from
    /// loopback) so that the sign-in rate limit counts each client apart.
    /// </summary>
    public HttpClient CreateBrowserClient()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = true })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(90),
        };
        var n = Interlocked.Increment(ref _clients);
        client.DefaultRequestHeaders.Add("X-Forwarded-For",
            string.Create(CultureInfo.InvariantCulture, $"10.200.{(n >> 8) & 255}.{n & 255}"));
        return client;
    }

    /// <summary>A client signed in as the demo account with this e-mail (the home page greets it).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = CreateBrowserClient();
        using var response = await Html.SignInAsync(client, email, CarteBlancheFactory.DemoPassword);
        Assert.Contains("Bonjour", await response.ReadPageAsync(), StringComparison.Ordinal);
        return client;
    }

    /// <summary>SIGKILL (Process.Kill on Linux), then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line == null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web app stopped at start (exit code {_process.ExitCode}):\n{Output}");
            }
            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }
            await Task.Delay(100);
        }
        await KillAsync();
        throw new TimeoutException($"The web app was not ready within {limit.TotalSeconds:0} s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Locate() => CliRunner.BuiltDll("CarteBlanche.Web", "CarteBlanche.Web.dll");
}
