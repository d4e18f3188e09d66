namespace CarteBlanche.ArchitectureTests;

/// <summary>
/// The borders of docs ARCHITECTURE.md, as functions over assembly metadata, so that they can be
/// run on the real build output and on made-up cases alike.
/// </summary>
public static class ArchitectureRules
{
    public const string Prefix = "CarteBlanche.";
    public const string Platform = "CarteBlanche.Platform";
    public const string Web = "CarteBlanche.Web";
    public const string Cli = "carteblanche";

    /// <summary>The modules planned in the architecture (src/Modules); any folder found there is added.</summary>
    public static readonly IReadOnlyList<string> KnownModules = ["Desk", "Network", "Bus", "Rights", "Mobility", "Employers"];

    /// <summary>The engines planned in the architecture (src/Engines); any folder found there is added.</summary>
    public static readonly IReadOnlyList<string> KnownEngines = ["Benefits", "Transit", "Tours", "Payroll"];

    private static readonly string[] _enginesMustNotUse = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite"];

    /// <summary>
    /// Engines depend on nothing of the app: no ASP.NET Core, no EF Core (nor database drivers), no
    /// CarteBlanche assembly but another engine, directly or through a library of the output.
    /// </summary>
    public static IReadOnlyList<string> EngineViolations(
        AssemblyDependencies engine,
        IReadOnlySet<string> engines,
        Func<string, AssemblyDependencies?> resolve)
    {
        var violations = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { engine.Name };
        var queue = new Queue<(AssemblyDependencies Assembly, string Path)>();
        queue.Enqueue((engine, engine.Name));
        while (queue.Count > 0)
        {
            var (assembly, path) = queue.Dequeue();
            foreach (var reference in assembly.AssemblyReferences)
            {
                var via = $"{path} → {reference}";
                if (_enginesMustNotUse.Any(p => IsOrIsUnder(reference, p)))
                {
                    violations.Add($"{via}: an engine uses neither ASP.NET Core nor EF Core");
                    continue;
                }
                if ((reference.StartsWith(Prefix, StringComparison.Ordinal) || reference == Cli) && !engines.Contains(reference))
                {
                    violations.Add($"{via}: an engine depends on nothing of the app (only on other engines)");
                    continue;
                }
                if (seen.Add(reference) && resolve(reference) is { } next)
                {
                    queue.Enqueue((next, via));
                }
            }
        }
        return violations;
    }

    /// <summary>A module reaches another module only through the types of that module's Contracts namespace.</summary>
    public static IReadOnlyList<string> ModuleViolations(AssemblyDependencies module, IReadOnlySet<string> modules) =>
        module.Types
            .Where(t => t.Assembly != module.Name && modules.Contains(t.Assembly))
            .Where(t => !IsOrIsUnder(t.Namespace, t.Assembly + ".Contracts"))
            .Select(t => $"{module.Name} uses {t.FullName} of {t.Assembly}: only {t.Assembly}.Contracts is open to other modules")
            .ToList();

    /// <summary>The platform is the foundation: it depends on no module, nor on the web host or the command line.</summary>
    public static IReadOnlyList<string> PlatformViolations(AssemblyDependencies platform, IReadOnlySet<string> modules)
    {
        var above = new HashSet<string>(modules, StringComparer.Ordinal) { Web, Cli };
        return platform.AssemblyReferences.Where(above.Contains)
            .Select(r => $"{platform.Name} references {r}: the platform depends on nothing built on top of it")
            .Concat(platform.Types.Where(t => above.Contains(t.Assembly)).Select(t => $"{platform.Name} uses {t.FullName} of {t.Assembly}"))
            .ToList();
    }

    public static bool IsOrIsUnder(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);
}
