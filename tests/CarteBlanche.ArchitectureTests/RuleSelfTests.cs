using Xunit;

namespace CarteBlanche.ArchitectureTests;

/// <summary>
/// The rules catch what they are meant to catch: on made-up assemblies, and on real ones that would break
/// them if they were a module or an engine. Without these, a rule over assemblies that do not exist yet
/// could never fail.
/// </summary>
public sealed class RuleSelfTests
{
    private static readonly HashSet<string> _modules = ["CarteBlanche.Desk", "CarteBlanche.Network", "CarteBlanche.Bus"];
    private static readonly HashSet<string> _engines = ["CarteBlanche.Benefits", "CarteBlanche.Transit"];

    private static AssemblyDependencies Assembly(string name, string[] references, params TypeDependency[] types) => new(name, references, types);

    private static AssemblyDependencies? Nothing(string name) => null;

    [Fact]
    public void A_module_using_another_modules_contracts_is_allowed()
    {
        var desk = Assembly("CarteBlanche.Desk", ["CarteBlanche.Network", "CarteBlanche.Platform", "System.Runtime"],
            new("CarteBlanche.Network", "CarteBlanche.Network.Contracts", "IPartnerDirectory"),
            new("CarteBlanche.Network", "CarteBlanche.Network.Contracts.Questions", "PartnerQuestionSummary"),
            new("CarteBlanche.Platform", "CarteBlanche.Platform.Accounts", "Account"),
            new("CarteBlanche.Desk", "CarteBlanche.Desk.Features", "OwnType"));

        Assert.Empty(ArchitectureRules.ModuleViolations(desk, _modules));
    }

    [Fact]
    public void A_module_using_another_modules_entity_is_caught()
    {
        var desk = Assembly("CarteBlanche.Desk", ["CarteBlanche.Network"],
            new("CarteBlanche.Network", "CarteBlanche.Network.Features.AskPartner", "PartnerQuestion"),
            new("CarteBlanche.Network", "CarteBlanche.Network.ContractsInternal", "Lookalike"),
            new("CarteBlanche.Network", "CarteBlanche.Network", "NetworkModule+Nested"),
            new("CarteBlanche.Network", "CarteBlanche.Network.Contracts", "IPartnerDirectory"));

        var violations = ArchitectureRules.ModuleViolations(desk, _modules);

        Assert.Equal(3, violations.Count);
        Assert.Contains(violations, v => v.Contains("CarteBlanche.Network.Features.AskPartner.PartnerQuestion", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("CarteBlanche.Network.ContractsInternal.Lookalike", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("CarteBlanche.Network.NetworkModule+Nested", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pure_engine_is_allowed()
    {
        var benefits = Assembly("CarteBlanche.Benefits", ["System.Runtime", "System.Collections", "CarteBlanche.Transit"]);

        Assert.Empty(ArchitectureRules.EngineViolations(benefits, _engines, Nothing));
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.EntityFrameworkCore.Relational")]
    [InlineData("Microsoft.AspNetCore.Http.Abstractions")]
    [InlineData("CarteBlanche.Platform")]
    [InlineData("CarteBlanche.Desk")]
    public void An_engine_referencing_the_app_or_its_frameworks_is_caught(string reference)
    {
        var benefits = Assembly("CarteBlanche.Benefits", ["System.Runtime", reference]);

        var violation = Assert.Single(ArchitectureRules.EngineViolations(benefits, _engines, Nothing));
        Assert.StartsWith($"CarteBlanche.Benefits → {reference}", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_reaching_efcore_through_another_library_is_caught_with_the_path()
    {
        var helper = Assembly("Some.Helper", ["Microsoft.EntityFrameworkCore"]);
        var transit = Assembly("CarteBlanche.Transit", ["Some.Helper"]);

        var violation = Assert.Single(ArchitectureRules.EngineViolations(transit, _engines, n => n == "Some.Helper" ? helper : null));

        Assert.StartsWith("CarteBlanche.Transit → Some.Helper → Microsoft.EntityFrameworkCore", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_platform_depending_on_the_web_host_or_a_module_is_caught()
    {
        var platform = Assembly("CarteBlanche.Platform", ["CarteBlanche.Web", "CarteBlanche.Desk"],
            new TypeDependency("CarteBlanche.Web", "CarteBlanche.Web.Hosting", "WebSetup"));

        var violations = ArchitectureRules.PlatformViolations(platform, _modules);

        Assert.Equal(3, violations.Count);
    }

    // Real assemblies, read from the build output: the rules are not blind to real metadata.

    [Fact]
    public void The_real_platform_would_break_the_engine_rule()
    {
        var platform = AppAssemblies.Find(ArchitectureRules.Platform)!;

        var violations = ArchitectureRules.EngineViolations(platform, _engines, AppAssemblies.Resolve);

        Assert.Contains(violations, v => v.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_real_web_host_would_break_the_module_rule_if_it_and_the_platform_were_modules()
    {
        var web = AppAssemblies.Find(ArchitectureRules.Web)!;
        var pretendModules = new HashSet<string> { ArchitectureRules.Web, ArchitectureRules.Platform };

        var violations = ArchitectureRules.ModuleViolations(web, pretendModules);

        // Web uses Platform's accounts, audit and database types, none in a Contracts namespace.
        Assert.Contains(violations, v => v.Contains("CarteBlanche.Platform.Accounts.Account ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("CarteBlanche.Platform.Database.CarteBlancheDbContext ", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_metadata_finds_nested_and_generic_argument_types()
    {
        var self = AssemblyDependencies.Read(typeof(RuleSelfTests).Assembly.Location);

        // HashSet<string> is only a generic argument / field type here; TheoryData too.
        Assert.Contains(self.Types, t => t.FullName == "System.Collections.Generic.HashSet`1");
        Assert.Contains(self.Types, t => t.FullName == "Xunit.Assert");
        Assert.Contains("xunit.assert", self.AssemblyReferences);
    }
}
