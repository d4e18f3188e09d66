using System.Reflection;
using CarteBlanche.Platform.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xunit;

namespace CarteBlanche.ArchitectureTests;

/// <summary>Who may open a page is written on its page model, not inferred from its folder in the host.</summary>
public sealed class AuthorizationTests
{
    [Fact]
    public void Every_page_model_declares_a_policy_or_why_it_is_public()
    {
        var pageModels = AppAssemblies.All.Keys
            .Select(name => Assembly.Load(new AssemblyName(name)))
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
            .ToList();

        var undeclared = pageModels.Where(t => Declaration(t) == null).Select(t => t.FullName).ToList();

        Assert.True(pageModels.Count > 50, $"only {pageModels.Count} page models found");
        Assert.True(undeclared.Count == 0,
            "page models without [Authorize(Policy = …)] or [Public(reason)]:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void A_bare_AllowAnonymous_or_an_Authorize_without_policy_does_not_count()
    {
        Assert.Null(Declaration(typeof(BareAnonymousModel)));
        Assert.Null(Declaration(typeof(NoPolicyModel)));
        Assert.Equal("policy Admin", Declaration(typeof(AdminModel)));
        Assert.Equal("public: une raison", Declaration(typeof(PublicModel)));
    }

    /// <summary>"policy X" or "public: reason", or null when the type says nothing usable.</summary>
    internal static string? Declaration(Type type)
    {
        if (type.GetCustomAttribute<PublicAttribute>() is { Reason.Length: > 0 } open)
        {
            return "public: " + open.Reason;
        }
        if (type.GetCustomAttribute<AllowAnonymousAttribute>() != null)
        {
            return null;
        }
        var policies = type.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
        return policies.Count > 0 && policies.All(p => !string.IsNullOrWhiteSpace(p)) ? "policy " + string.Join(", ", policies) : null;
    }

    [AllowAnonymous]
    private sealed class BareAnonymousModel : PageModel;

    [Authorize]
    private sealed class NoPolicyModel : PageModel;

    [Authorize(Policy = Policies.Admin)]
    private sealed class AdminModel : PageModel;

    [Public("une raison")]
    private sealed class PublicModel : PageModel;
}
