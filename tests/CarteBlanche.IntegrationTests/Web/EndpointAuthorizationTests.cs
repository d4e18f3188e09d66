using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Web;

/// <summary>Every address the running app answers says who may open it: a named policy, or public with a reason.</summary>
public sealed class EndpointAuthorizationTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public void Every_endpoint_has_a_named_policy_or_is_public_with_a_reason()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints
            .Where(e => !(e.Metadata.GetMetadata<IAllowAnonymous>() is PublicAttribute { Reason.Length: > 0 }
                          || e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrWhiteSpace(a.Policy))))
            .Select(e => e.RoutePattern.RawText + " (" + e.DisplayName + ")")
            .ToList();

        Assert.True(endpoints.Count > 60, $"only {endpoints.Count} endpoints found");
        Assert.True(undeclared.Count == 0, "endpoints without a policy or a reason to be public:\n" + string.Join("\n", undeclared));
    }
}
