using System.Diagnostics;
using Xunit;

namespace CarteBlanche.IntegrationTests.Infrastructure;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the built <c>carteblanche</c> command (src/CarteBlanche.Cli) as an operator would, on a test database.</summary>
public static class CliRunner
{
    private static readonly string[] _inheritedPrefixesToDrop =
        ["Database__", "ConnectionStrings__", "Smtp__", "Demo__", "ASPNETCORE_", "DOTNET_ENVIRONMENT"];

    public static string DllPath { get; } = Locate();

    public static Task<CliResult> RunAsync(TestDatabase database, params string[] arguments) =>
        RunWithEnvironmentAsync(database, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs with these environment variables on top of the test database's (a null value removes one).</summary>
    public static async Task<CliResult> RunWithEnvironmentAsync(TestDatabase database, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
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

        using var process = Process.Start(start)!;
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

    /// <summary>The command is built next to the tests (same configuration): src/CarteBlanche.Cli/bin/&lt;configuration&gt;/&lt;tfm&gt;/carteblanche.dll.</summary>
    private static string Locate()
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
        var path = Path.Combine(root.FullName, "src", "CarteBlanche.Cli", "bin", configuration, framework, "carteblanche.dll");
        Assert.True(File.Exists(path), $"{path} not found: build the solution first (dotnet build CarteBlanche.slnx -c {configuration})");
        return path;
    }
}
