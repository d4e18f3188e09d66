using System.Globalization;
using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CarteBlanche.IntegrationTests.Infrastructure;

/// <summary>
/// The real web app (Program.cs) on a test server, on its own database. Background work is off
/// (Notifications:SenderEnabled=false, Jobs:Enabled=false): tests drive the outbox sender and the
/// job runner themselves. Several factories may share one <see cref="TestDatabase"/> to play
/// several instances of the app.
/// </summary>
public class CarteBlancheFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-CarteBlanche-2026!";

    private static int _clients;
    private readonly bool _ownsDatabase;
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private bool _disposed;

    public CarteBlancheFactory(
        TestDatabase database,
        bool ownsDatabase = true,
        string environment = "Development",
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        _environment = environment;
        _settings = settings;
        _configureServices = configureServices;
    }

    public TestDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Notifications:SenderEnabled", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Bus:PlannerSeconds", "1"); // the tour planner's search: long enough for the 59 communes, short for the suite
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_configureServices != null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    /// <summary>
    /// A client that keeps cookies, like a browser. Each client comes from its own address
    /// (X-Forwarded-For, honoured by the app's forwarded-headers middleware) so that the sign-in
    /// rate limit (10 a minute per address) counts each test apart.
    /// </summary>
    /// <summary>A browser client signed in as the demo account with this e-mail (the home page greets it).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = CreateBrowserClient();
        using var response = await Html.SignInAsync(client, email, DemoPassword);
        Xunit.Assert.Contains("Bonjour", await response.ReadPageAsync(), StringComparison.Ordinal);
        return client;
    }

    public HttpClient CreateBrowserClient(bool followRedirects = true, Uri? baseAddress = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = followRedirects,
            HandleCookies = true,
            BaseAddress = baseAddress ?? new Uri("http://localhost"),
        });
        var n = Interlocked.Increment(ref _clients);
        client.DefaultRequestHeaders.Add("X-Forwarded-For",
            string.Create(CultureInfo.InvariantCulture, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"));
        return client;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action) =>
        InScopeAsync(async sp =>
        {
            await action(sp);
            return true;
        });

    public Task<T> WithDbAsync<T>(Func<CarteBlancheDbContext, Task<T>> action) =>
        InScopeAsync(sp => action(sp.GetRequiredService<CarteBlancheDbContext>()));

    /// <summary>Raw SQL on the app's database, as someone with direct access to it would.</summary>
    public Task<int> ExecuteSqlAsync(string sql) =>
        WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            Database.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Class fixture: the app on a SQLite file in a temporary data directory, a copy of the run's demonstration database.</summary>
public sealed class SqliteFactory() : CarteBlancheFactory(TestDatabase.SqliteWithDemoData());

/// <summary>Class fixture: the app on a database of the shared PostgreSQL server, a copy of the run's demonstration database.</summary>
public sealed class PostgresFactory(PostgresServer server) : CarteBlancheFactory(TestDatabase.PostgresWithDemoData(server, "app"));
