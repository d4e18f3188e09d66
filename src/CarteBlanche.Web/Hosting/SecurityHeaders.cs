namespace CarteBlanche.Web.Hosting;

/// <summary>Content security policy and the usual hardening headers, on every response.</summary>
internal static class SecurityHeaders
{
    // DSFR needs no inline script or style; its icons and fonts are served from 'self'.
    // form-action also governs the redirect after a POST: ProConnect's origin is allowed when it is on.
    // img-src also allows the map's tile server (Map:TileUrl).
    public static string ContentSecurityPolicy(string? extraFormAction, string? tileOrigin = null) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{(tileOrigin == null ? "" : " " + tileOrigin)}; font-src 'self'; " +
        $"connect-src 'self'; form-action 'self'{(extraFormAction == null ? "" : " " + extraFormAction)}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, ProConnectOptions proConnect, CarteBlanche.Platform.Web.MapOptions map)
    {
        var policy = ContentSecurityPolicy(proConnect.Enabled && Uri.TryCreate(proConnect.Authority, UriKind.Absolute, out var authority)
            ? authority.GetLeftPart(UriPartial.Authority)
            : null, map.TileOrigin);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
