using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using CarteBlanche.Platform;
using CarteBlanche.Desk;
using CarteBlanche.Network;
using CarteBlanche.Bus;
using CarteBlanche.Mobility;
using CarteBlanche.Employers;
using CarteBlanche.Rights;
using CarteBlanche.Platform.Accounts;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CarteBlanche.Web.Hosting;

public static class WebSetup
{
    public const string SignInRateLimit = "sign-in";

    public static WebApplicationBuilder AddCarteBlancheWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var isDevelopment = builder.Environment.IsDevelopment();

        services.AddPlatformCore(configuration);
        services.AddPlatformBackgroundWork(configuration);
        services.AddDeskModule();
        services.AddNetworkModule();
        services.AddBusModule();
        services.AddRightsModule();
        services.AddMobilityModule();
        services.AddEmployersModule();

        // Links in e-mails sent by background jobs (reminders, digests) and iCalendar feeds have no request to take an
        // address from: outside Development the public address must be set, or the app does not start.
        services.AddOptions<CarteBlanche.Platform.Web.AppOptions>()
            .Validate(o => isDevelopment || !string.IsNullOrWhiteSpace(o.PublicUrl),
                "App:PublicUrl est obligatoire hors développement (variable App__PublicUrl, par exemple https://carteblanche.lot.gouv.fr) : les liens des e-mails et des agendas en dépendent.")
            .ValidateOnStart();
        services.AddOptions<CarteBlanche.Platform.Web.MapOptions>().BindConfiguration(CarteBlanche.Platform.Web.MapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProConnectOptions>().BindConfiguration(ProConnectOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var proConnect = configuration.GetSection(ProConnectOptions.Section).Get<ProConnectOptions>() ?? new ProConnectOptions();

        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddIdentityCookies();
        services.TryAddScoped<ISecurityStampValidator, SecurityStampValidator<Account>>();
        services.TryAddScoped<ITwoFactorSecurityStampValidator, TwoFactorSecurityStampValidator<Account>>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        if (proConnect.Enabled)
        {
            authentication.AddOpenIdConnect(ProConnectOptions.Scheme, "ProConnect", o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = proConnect.Authority;
                o.ClientId = proConnect.ClientId;
                o.ClientSecret = proConnect.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.CallbackPath = "/connexion/proconnect/retour";
                o.Scope.Clear();
                foreach (var scope in proConnect.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    o.Scope.Add(scope);
                }
            });
        }
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "cb.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/erreur/403";
            // Every refused access is journaled, including those refused by a policy before any page code runs.
            o.Events.OnRedirectToAccessDenied = async context =>
            {
                var path = context.Request.Path.Value ?? "";
                await context.HttpContext.RequestServices.GetRequiredService<CarteBlanche.Platform.Audit.IAuditLog>()
                    .RecordAsync(new CarteBlanche.Platform.Audit.AuditEvent("security.access-denied", "Page", path.Length > 100 ? path[..100] : path));
                context.Response.Redirect(context.RedirectUri);
            };
            // A session dies server-side when the account's security stamp changes (sign-out, deactivation, password).
            o.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        // The success and error messages between pages (TempData) travel in a cookie too.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
            o.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cb.antiforgery";
            o.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        // The public results, computed once every few minutes (Pages/Resultats/PublicResults.cs).
        services.AddMemoryCache();
        services.AddScoped<Pages.Resultats.PublicResults>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.TerritoryEditors, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Desk, p => p.RequireRole(Roles.Agent, Roles.SocialWorker))
            .AddPolicy(Policies.Network, p => p.RequireRole(Roles.Agent, Roles.SocialWorker, Roles.PartnerReferent, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.BusCrew, p => p.RequireRole(Roles.Agent, Roles.SocialWorker, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Rights, p => p.RequireRole(Roles.Agent, Roles.SocialWorker, Roles.DataSteward, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.RightsStewards, p => p.RequireRole(Roles.DataSteward, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Mobility, p => p.RequireRole(Roles.Helper, Roles.Agent, Roles.SocialWorker, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Employers, p => p.RequireRole(Roles.HrExpert, Roles.FirmOwner, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.EmployersExperts, p => p.RequireRole(Roles.HrExpert, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.NewsPublishers, p => p.RequireRole(Roles.PartnerReferent, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.ResultsReviewers, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Figures, p => p.RequireRole(Roles.Agent, Roles.SocialWorker, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.TerritoryReaders, p => p.RequireRole(Roles.Agent, Roles.SocialWorker, Roles.Coordinator, Roles.Admin));

        // Who may open a page is said on its page model ([Authorize(Policy = …)] or [Public(reason)]), not here.
        services.AddRazorPages();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            FrenchModelBinding.Apply(o.ModelBindingMessageProvider);
            // Bad input has one place each: forms (size, NUL characters) and dates (plausible years).
            o.Filters.Add<BadInputFilter>();
            o.ModelBinderProviders.Insert(0, new PlausibleDateModelBinderProvider());
            // Required fields say so in French, through [Required] or the handler, not "The X field is required."
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        });
        services.AddRouting(o => o.LowercaseUrls = true);
        // Write "é" as "é", not "&#xE9;": French pages stay readable (and searchable) in their source.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        // The API's malformed requests become exceptions handled in one place (ApiProblems): JSON problem details, in French.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // The partners' API is described at /openapi/v1.json (the pages are not part of it).
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Carte Blanche — API des partenaires";
            document.Info.Description = "Les sollicitations adressées à un organisme partenaire : lister, lire, prendre en charge, répondre. Authentification : clé d'API de l'organisme dans l'en-tête X-Api-Key.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        // "Security:SignInAttemptsPerMinute" (default 10); the browser tests, which sign in many times a minute from one address, raise it.
        var signInAttempts = configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in attempts: 10 a minute per client address (by default); pages shown with GET are not limited.
            o.AddPolicy(SignInRateLimit, context =>
                HttpMethods.IsGet(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("get")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = signInAttempts, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Redirect("/erreur/429");
                return ValueTask.CompletedTask;
            };
        });

        // Plain http is redirected to the public address's https port: without a port, the redirection does nothing and
        // the secure-only cookies (antiforgery) fail the request with a 500.
        services.AddOptions<Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionOptions>().Configure<Microsoft.Extensions.Options.IOptions<CarteBlanche.Platform.Web.AppOptions>>((o, app) =>
        {
            if (Uri.TryCreate(app.Value.PublicUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
            {
                o.HttpsPort = url.Port;
            }
        });

        // Behind a reverse proxy: "ReverseProxy:KnownProxies" lists its addresses (loopback is always trusted),
        // so that client addresses (audit, sign-in rate limit) and https are those of the visitor.
        var knownProxies = configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in knownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies : « {proxy} » n'est pas une adresse IP."));
            }
        });
        if (!isDevelopment)
        {
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = true;
            });
        }
        return builder;
    }

    public static async Task InitialiseAsync(this WebApplication app) =>
        await app.Services.InitialisePlatformAsync(seedDemoData: app.Environment.IsDevelopment());

    public static WebApplication UseCarteBlancheWeb(this WebApplication app)
    {
        var french = new CultureInfo("fr-FR");
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProConnectOptions>>().Value,
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CarteBlanche.Platform.Web.MapOptions>>().Value);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/erreur/500",
            // JSON clients (the API) get ProblemDetails; browsers the French error page.
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
        });
        // The API answers its status codes in JSON (problem details); the pages with the French error page.
        app.UseWhen(ApiProblems.IsApi, api => api.UseStatusCodePages(ApiProblems.WriteStatusAsync).Use(ApiProblems.HandleAsync));
        app.UseWhen(context => !ApiProblems.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/erreur/{0}"));
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(french),
            SupportedCultures = [french],
            SupportedUICultures = [french],
        });
        app.UseStaticFiles();
        app.UseRouting();
        // An address that matches nothing is a 404 for everyone, not a sign-in prompt for visitors.
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() == null && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            // A body the API does not accept (not JSON): routing picks its 415 endpoint, which is not the API's (so not
            // anonymous): answer 415 here, as problem details, rather than a sign-in redirect.
            if (ApiProblems.IsApi(context) && context.GetEndpoint()?.DisplayName == "415 HTTP Unsupported Media Type" && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }
            await next(context);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).Public("Sonde de vie de l'hébergeur.");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).Public("Sonde de disponibilité de l'hébergeur.");
        app.MapRazorPages();
        app.MapNetworkModule();
        CarteBlanche.Rights.Exchange.OperatorApi.Map(app);
        app.MapBusModule();
        app.MapOpenApi().Public("La description de l'API des partenaires se lit sans compte.");
        return app;
    }
}
