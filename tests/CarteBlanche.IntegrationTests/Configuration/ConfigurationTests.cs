using System.Net;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Configuration;

public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task Postgres_without_a_connection_string_fails_at_start_naming_the_setting()
    {
        await using var app = new CarteBlancheFactory(TestDatabase.Sqlite(), settings: new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = "",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("ConnectionStrings:Postgres", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_without_its_public_address()
    {
        await using var app = new CarteBlancheFactory(TestDatabase.Sqlite(), environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("App:PublicUrl est obligatoire hors développement", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_without_the_audit_checkpoint_key()
    {
        await using var app = new CarteBlancheFactory(TestDatabase.Sqlite(), environment: "Production", settings: new Dictionary<string, string>(ProductionSettings.Values)
        {
            ["Audit:CheckpointKey"] = "",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Audit:CheckpointKey est obligatoire hors développement", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_an_unexpected_error_shows_the_french_error_page_without_its_details()
    {
        // A page filter of the test host throws, inside the application's pipeline, as a bug in a handler would.
        await using var app = new CarteBlancheFactory(TestDatabase.Sqlite(), environment: "Production", settings: ProductionSettings.Values,
            configureServices: s => s.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new Failing())));
        using var client = app.CreateBrowserClient(baseAddress: new Uri("https://carteblanche.test"));

        using var response = await client.GetAsync("/mentions-legales?panne=1");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("Erreur inattendue", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Panne simulée", page, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", page, StringComparison.Ordinal);
    }

    private sealed class Failing : Microsoft.AspNetCore.Mvc.Filters.IPageFilter
    {
        public void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
        {
            // Not on the error page itself, which the exception handler shows with the same query string.
            if (context.HttpContext.Request.Query.ContainsKey("panne") && !context.HttpContext.Request.Path.StartsWithSegments("/erreur"))
            {
                throw new InvalidOperationException("Panne simulée pour le test");
            }
        }

        public void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context)
        {
        }
    }

    [Fact]
    public async Task An_invalid_smtp_setting_fails_at_start_naming_the_setting()
    {
        await using var app = new CarteBlancheFactory(TestDatabase.Sqlite(), settings: new Dictionary<string, string>
        {
            ["Smtp:Security"] = "Tls13",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Smtp:Security", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linkage_thresholds_in_the_wrong_order_fail_at_start_naming_the_settings()
    {
        await using var app = new CarteBlancheFactory(TestDatabase.Sqlite(), settings: new Dictionary<string, string>
        {
            ["Rights:MatchThreshold"] = "0.6",
            ["Rights:ReviewThreshold"] = "0.7",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Rights:ReviewThreshold (0.7) et Rights:MatchThreshold (0.6)", error.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>Production: no demo account, the reference territory, nothing broken.</summary>
public abstract class ProductionTests(CarteBlancheFactory factory)
{
    private static readonly Uri _site = new("https://carteblanche.test");

    [Fact]
    public async Task Production_seeds_no_demo_account_but_the_roles_and_territory()
    {
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(Roles.All.Order(), (await factory.WithDbAsync(db => db.Roles.Select(r => r.Name!).ToListAsync())).Order());
        Assert.True(await factory.WithDbAsync(db => db.Communes.CountAsync()) > 50);
    }

    [Fact]
    public async Task Production_serves_the_home_page_health_and_hsts()
    {
        using var client = factory.CreateBrowserClient(baseAddress: _site);

        using var home = await client.GetAsync("/");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Carte Blanche", await home.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", Assert.Single(home.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Production_redirects_plain_http_to_https_and_marks_its_cookies_secure()
    {
        using var plain = factory.CreateBrowserClient(followRedirects: false, baseAddress: new Uri("http://carteblanche.test"));
        using var redirected = await plain.GetAsync("/connexion");
        Assert.True((int)redirected.StatusCode is 307 or 308, $"{(int)redirected.StatusCode}");
        Assert.Equal("https://carteblanche.test/connexion", redirected.Headers.Location?.ToString());

        using var client = factory.CreateBrowserClient(baseAddress: _site);
        using var signIn = await client.GetAsync("/connexion");
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_refuses_the_demo_password()
    {
        using var client = factory.CreateBrowserClient(baseAddress: _site);

        using var response = await Html.SignInAsync(client, DemoData.EmailFor(Roles.Admin), CarteBlancheFactory.DemoPassword);

        Assert.Contains("Adresse e-mail ou mot de passe incorrect", await response.ReadPageAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteProductionFactory() : CarteBlancheFactory(TestDatabase.Sqlite(), environment: "Production", settings: ProductionSettings.Values);

public sealed class PostgresProductionFactory(PostgresServer server) : CarteBlancheFactory(TestDatabase.Postgres(server, "production"), environment: "Production", settings: ProductionSettings.Values);

internal static class ProductionSettings
{
    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string> { ["App:PublicUrl"] = "https://carteblanche.test" };
}

public sealed class SqliteProductionTests(SqliteProductionFactory factory) : ProductionTests(factory), IClassFixture<SqliteProductionFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresProductionTests(PostgresProductionFactory factory) : ProductionTests(factory), IClassFixture<PostgresProductionFactory>;
