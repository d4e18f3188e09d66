using System.Diagnostics;
using Xunit;

namespace CarteBlanche.IntegrationTests.Infrastructure;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the built <c>carteblanche</c> command (src/CarteBlanche.Cli) as an operator would, on a test database.</summary>
public static class CliRunner
{
    private static readonly string[] _inheritedPrefixesToDrop =
        ["Database__", "ConnectionStrings__", "Smtp__", "Demo__", "ASPNETCORE_", "DOTNET_ENVIRONMENT"];

    public static string DllPath { get; } = BuiltDll("CarteBlanche.Cli", "carteblanche.dll");

    public static Task<CliResult> RunAsync(TestDatabase database, params string[] arguments) =>
        RunWithEnvironmentAsync(database, new Dictionary<string, string?>(), arguments);

    /// <summary>Starts the command without waiting for it: a test watches its output and may kill it (SIGKILL) midway.</summary>
    public static RunningCommand Start(TestDatabase database, params string[] arguments)
    {
        var start = StartInfo(database, new Dictionary<string, string?>(), arguments);
        return new RunningCommand(Process.Start(start)!);
    }

    /// <summary>Runs with these environment variables on top of the test database's (a null value removes one).</summary>
    public static async Task<CliResult> RunWithEnvironmentAsync(TestDatabase database, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(database, environment, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"carteblanche {string.Join(' ', arguments)} did not finish in 60 s");
        }
        return new CliResult(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(TestDatabase database, IReadOnlyDictionary<string, string?> environment, string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = database.DataDirectory,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var key in start.Environment.Keys.Where(k => _inheritedPrefixesToDrop.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in database.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        foreach (var (key, value) in environment)
        {
            if (value == null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }
        return start;
    }

    /// <summary>A program of the solution, built next to the tests (same configuration): src/&lt;project&gt;/bin/&lt;configuration&gt;/&lt;tfm&gt;/&lt;dll&gt;.</summary>
    public static string BuiltDll(string project, string dll)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Release";
        var root = testOutput;
        while (root != null && !File.Exists(Path.Combine(root.FullName, "CarteBlanche.slnx")))
        {
            root = root.Parent;
        }
        Assert.True(root != null, $"CarteBlanche.slnx not found above {AppContext.BaseDirectory}");
        var path = Path.Combine(root.FullName, "src", project, "bin", configuration, framework, dll);
        Assert.True(File.Exists(path), $"{path} not found: build the solution first (dotnet build CarteBlanche.slnx -c {configuration})");
        return path;
    }
}

/// <summary>A <c>carteblanche</c> process under way: its output lines as they come, and a SIGKILL, as a crash or an operator's kill -9.</summary>
public sealed class RunningCommand : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public RunningCommand(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _lines);

    private void Keep(string? line)
    {
        if (line != null)
        {
            _lines.Enqueue(line);
        }
    }

    /// <summary>Waits until the condition holds (true) or the process ends (false), polling every 20 ms for at most a minute.</summary>
    public async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                return false;
            }
            if (await condition())
            {
                return !_process.HasExited;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("the condition did not come within a minute:\n" + Output);
    }

    /// <summary>Waits for an output line matching the predicate; false if the process ended first.</summary>
    public Task<bool> WaitForLineAsync(Func<string, bool> predicate) => WaitUntilAsync(() => Task.FromResult(_lines.Any(predicate)));

    /// <summary>SIGKILL: no cleanup, no finally block, no transaction committed; true if it was still running.</summary>
    public async Task<bool> KillAsync()
    {
        var running = !_process.HasExited;
        if (running)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        return running;
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
