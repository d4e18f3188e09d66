using Xunit;

namespace CarteBlanche.ArchitectureTests;

/// <summary>The borders, checked on the assemblies actually built. Modules and engines are found by name
/// (and by their folder in src/), so these rules cover them from the day their projects appear.</summary>
public sealed class BorderTests
{
    [Fact]
    public void The_app_assemblies_are_found_in_the_build_output()
    {
        Assert.Contains(ArchitectureRules.Platform, AppAssemblies.All.Keys);
        Assert.Contains(ArchitectureRules.Web, AppAssemblies.All.Keys);
        Assert.Contains(ArchitectureRules.Cli, AppAssemblies.All.Keys);
    }

    [Theory]
    [InlineData("Modules")]
    [InlineData("Engines")]
    public void Every_module_and_engine_project_is_built_where_the_rules_read_it(string area)
    {
        var missing = AppAssemblies.SourceProjects(area).Where(p => AppAssemblies.Find(p) == null).ToList();

        Assert.True(missing.Count == 0,
            $"src/{area} projects not in the architecture tests' output (assembly name must be the folder name): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Platform_does_not_depend_on_the_web_host_the_command_line_or_any_module()
    {
        var platform = AppAssemblies.Find(ArchitectureRules.Platform)!;

        var violations = ArchitectureRules.PlatformViolations(platform, AppAssemblies.ModuleNames);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.DoesNotContain(ArchitectureRules.Web, platform.AssemblyReferences);
    }

    [Fact]
    public void Engines_use_neither_aspnetcore_nor_efcore_nor_the_app()
    {
        var engines = AppAssemblies.EngineNames;
        var built = engines.Select(AppAssemblies.Find).OfType<AssemblyDependencies>().ToList();

        var violations = built.SelectMany(e => ArchitectureRules.EngineViolations(e, engines, AppAssemblies.Resolve)).ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Modules_reach_other_modules_only_through_their_contracts()
    {
        var modules = AppAssemblies.ModuleNames;
        var built = modules.Select(AppAssemblies.Find).OfType<AssemblyDependencies>().ToList();

        var violations = built.SelectMany(m => ArchitectureRules.ModuleViolations(m, modules)).ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Modules_and_engines_depend_on_no_web_host_and_engines_on_no_module()
    {
        var modules = AppAssemblies.ModuleNames;
        var violations = AppAssemblies.All.Values
            .Where(a => modules.Contains(a.Name) || AppAssemblies.EngineNames.Contains(a.Name))
            .Where(a => a.AssemblyReferences.Contains(ArchitectureRules.Web) || a.AssemblyReferences.Contains(ArchitectureRules.Cli))
            .Select(a => $"{a.Name} references the web host or the command line")
            .ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
