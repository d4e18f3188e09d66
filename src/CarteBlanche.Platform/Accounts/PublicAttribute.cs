
namespace CarteBlanche.Platform.Accounts;

/// <summary>
/// A page or endpoint anyone may open, signed in or not, and why. Every page model and endpoint
/// declares either this or <c>[Authorize(Policy = …)]</c> (checked by the architecture tests):
/// nobody has to guess from the host's configuration who may open it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class PublicAttribute(string reason) : AllowAnonymousAttribute
{
    public string Reason { get; } = reason;
}

public static class PublicEndpoints
{
    /// <summary>The endpoint is open to anyone (<see cref="PublicAttribute"/>), for this reason.</summary>
    public static TBuilder Public<TBuilder>(this TBuilder builder, string reason) where TBuilder : Microsoft.AspNetCore.Builder.IEndpointConventionBuilder =>
        Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithMetadata(builder, new PublicAttribute(reason));
}
