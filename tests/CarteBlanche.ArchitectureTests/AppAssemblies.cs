namespace CarteBlanche.ArchitectureTests;

/// <summary>The app's assemblies as built into this test project's output, and the modules and engines the source tree declares.</summary>
public static class AppAssemblies
{
    private static readonly Lazy<IReadOnlyDictionary<string, AssemblyDependencies>> _all = new(Load);

    /// <summary>Every CarteBlanche assembly of the output folder (tests excluded), by name.</summary>
    public static IReadOnlyDictionary<string, AssemblyDependencies> All => _all.Value;

    public static AssemblyDependencies? Find(string name) => All.GetValueOrDefault(name);

    /// <summary>A library of the output folder (any, not only ours), for following references transitively.</summary>
    public static AssemblyDependencies? Resolve(string name)
    {
        if (All.TryGetValue(name, out var known))
        {
            return known;
        }
        var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        return File.Exists(path) ? AssemblyDependencies.Read(path) : null;
    }

    /// <summary>Module assembly names: the known list plus every folder of src/Modules.</summary>
    public static IReadOnlySet<string> ModuleNames => Names(ArchitectureRules.KnownModules, "Modules");

    /// <summary>Engine assembly names: the known list plus every folder of src/Engines.</summary>
    public static IReadOnlySet<string> EngineNames => Names(ArchitectureRules.KnownEngines, "Engines");

    /// <summary>Folders of src/&lt;area&gt; (project names), empty when the area does not exist yet.</summary>
    public static IReadOnlyList<string> SourceProjects(string area)
    {
        var directory = Path.Combine(RepositoryRoot(), "src", area);
        return Directory.Exists(directory)
            ? Directory.GetDirectories(directory).Where(d => Directory.GetFiles(d, "*.csproj").Length > 0).Select(Path.GetFileName).OfType<string>().ToList()
            : [];
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "CarteBlanche.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException($"CarteBlanche.slnx not found above {AppContext.BaseDirectory}");
    }

    private static HashSet<string> Names(IReadOnlyList<string> known, string area) =>
        new(known.Select(n => ArchitectureRules.Prefix + n).Concat(SourceProjects(area)), StringComparer.Ordinal);

    private static Dictionary<string, AssemblyDependencies> Load() =>
        Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(p => Path.GetFileName(p).StartsWith(ArchitectureRules.Prefix, StringComparison.Ordinal)
                        || Path.GetFileName(p) == ArchitectureRules.Cli + ".dll")
            .Where(p => !Path.GetFileNameWithoutExtension(p).EndsWith("Tests", StringComparison.Ordinal))
            .Select(AssemblyDependencies.Read)
            .ToDictionary(a => a.Name, StringComparer.Ordinal);
}
