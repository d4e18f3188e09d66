using System.Net;
using CarteBlanche.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Security;

/// <summary>
/// Every page and endpoint of the route table, asked by every identity (anonymous and the 13 demo accounts: each role,
/// two sites, two partner organisations, a lead and a plain referent) on real objects of their own and of another
/// site or organisation. What each may open is declared per route in <see cref="AuthorizationMatrix"/>: a route
/// without a declaration fails the suite. Identities refused a page are also refused each of its handlers (POST with
/// a valid antiforgery token of their own, and named GET handlers such as CSV exports).
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<MatrixFixture>
{
    [Fact]
    public void Every_route_of_the_app_has_a_declared_expectation_and_every_declaration_a_route()
    {
        var served = fixture.Routes.Select(r => r.Pattern).ToHashSet(StringComparer.Ordinal);
        var declared = AuthorizationMatrix.Rules.Select(r => r.Pattern).ToList();

        Assert.True(served.Count > 100, $"only {served.Count} routes found");
        var undeclared = served.Where(p => !declared.Contains(p)).Order(StringComparer.Ordinal).ToList();
        Assert.True(undeclared.Count == 0, "routes without a declared expectation in AuthorizationMatrix.Rules:\n" + string.Join("\n", undeclared));
        var stale = declared.Where(p => !served.Contains(p)).ToList();
        Assert.True(stale.Count == 0, "declarations of routes the app no longer serves:\n" + string.Join("\n", stale));
        var twice = declared.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "routes declared twice:\n" + string.Join("\n", twice));
    }

    [Fact]
    public async Task Every_identity_opens_exactly_the_pages_declared_for_it_on_its_own_and_others_objects()
    {
        var mismatches = new List<string>();
        var asked = 0;
        var opened = Identities.All.ToDictionary(w => w.Name, _ => 0);
        var refused = Identities.All.ToDictionary(w => w.Name, _ => 0);
        foreach (var rule in AuthorizationMatrix.Rules.Where(r => !r.IsApi))
        {
            foreach (var target in rule.Targets(fixture.Data))
            {
                var path = target.PathFor(rule.Pattern);
                var answers = new Dictionary<string, Outcome>();
                foreach (var who in Identities.All)
                {
                    var outcome = await fixture.AskAsync(who, HttpMethod.Get, path);
                    asked++;
                    answers[who.Name] = outcome;
                    if (rule.Public)
                    {
                        continue;
                    }
                    var expected = who.IsAnonymous ? Outcome.SignIn : rule.MayOpen(who, target) ? Outcome.Opened : Outcome.Refused;
                    opened[who.Name] += outcome == Outcome.Opened ? 1 : 0;
                    refused[who.Name] += outcome == Outcome.Refused ? 1 : 0;
                    if (outcome != expected)
                    {
                        mismatches.Add($"GET {path} ({target.Label}) as {who.Name}: {outcome}, declared {expected}");
                    }
                }
                if (rule.Public)
                {
                    // A public page answers everybody alike (the second sign-in step sends everybody back to the first) and never fails.
                    var classes = answers.Values.Distinct().ToList();
                    if (classes.Count != 1 || classes[0] == Outcome.Failed)
                    {
                        mismatches.Add($"GET {path} (public): " + string.Join(", ", answers.Select(a => a.Key + "=" + a.Value)));
                    }
                }
            }
        }

        Assert.True(asked > 1_900, $"only {asked} requests");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {asked} answers differ from the declared matrix:\n" + string.Join("\n", mismatches));
        // Each account opens some of the pages behind sign-in and is refused others: the matrix is not all one answer.
        foreach (var who in Identities.All.Where(w => !w.IsAnonymous))
        {
            Assert.True(opened[who.Name] > 0 && refused[who.Name] > 0, $"{who.Name}: {opened[who.Name]} opened, {refused[who.Name]} refused");
        }
        output.WriteLine(string.Join("\n", Identities.All.Select(w => $"{w.Name}: {opened[w.Name]} opened, {refused[w.Name]} refused")));
    }

    [Fact]
    public async Task No_handler_answers_an_identity_refused_by_its_declaration()
    {
        var mismatches = new List<string>();
        var asked = 0;
        foreach (var route in fixture.Routes.Where(r => r.Handlers.Count > 0))
        {
            var rule = AuthorizationMatrix.Rules.SingleOrDefault(r => r.Pattern == route.Pattern);
            if (rule == null || rule.Public) // undeclared: the first test says so
            {
                continue;
            }
            foreach (var target in rule.Targets(fixture.Data))
            {
                var path = target.PathFor(rule.Pattern);
                foreach (var (method, handler) in route.Handlers)
                {
                    if (method == "Get" && handler.Length == 0)
                    {
                        continue; // the page itself: the other test
                    }
                    foreach (var who in Identities.All)
                    {
                        var allowed = !who.IsAnonymous && rule.MayUse(handler, who, target);
                        if (allowed)
                        {
                            continue; // the modules' own tests drive what an allowed identity does; the matrix changes nothing
                        }
                        var url = handler.Length == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
                        var outcome = await fixture.AskAsync(who, method == "Post" ? HttpMethod.Post : HttpMethod.Get, url);
                        asked++;
                        var expected = who.IsAnonymous ? Outcome.SignIn : Outcome.Refused;
                        if (outcome != expected)
                        {
                            mismatches.Add($"{method.ToUpperInvariant()} {url} ({target.Label}) as {who.Name}: {outcome}, declared {expected}");
                        }
                    }
                }
            }
        }

        Assert.True(asked > 1_000, $"only {asked} requests");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {asked} refusals not kept:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public async Task The_partner_api_answers_only_the_key_of_the_organisation_asked_and_the_public_endpoints_everybody()
    {
        var question = fixture.Data["question"].First(q => q.Organisation == Identities.Caf);
        var keys = await fixture.Factory.WithDbAsync(async db =>
        {
            var values = new Dictionary<string, string>();
            var by = await db.Users.OrderBy(u => u.Email).Select(u => u.Id).FirstAsync();
            foreach (var name in new[] { Identities.Caf, Identities.Cpam })
            {
                var organisation = await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
                var (key, value) = CarteBlanche.Network.Partners.ApiKey.Create(organisation, "matrice", by, DateTimeOffset.UtcNow);
                db.Add(key);
                values[name] = value;
            }
            await db.SaveChangesAsync();
            return values;
        });
        var id = question.Values["id"];
        var mismatches = new List<string>();
        async Task AskAsync(HttpMethod method, string url, string? key, Outcome expected, string? body = null)
        {
            using var client = fixture.Factory.CreateClient();
            using var request = new HttpRequestMessage(method, url);
            if (key != null)
            {
                request.Headers.Add("X-Api-Key", key);
            }
            if (body != null)
            {
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request);
            var outcome = MatrixFixture.Classify(response);
            if (outcome != expected)
            {
                mismatches.Add($"{method} {url} with {(key == null ? "no key" : key == keys[Identities.Caf] ? "the CAF's key" : key == keys[Identities.Cpam] ? "the CPAM's key" : "a made-up key")}: {outcome} ({(int)response.StatusCode}), declared {expected}");
            }
        }

        const string api = "/api/reseau/v1/sollicitations";
        foreach (var key in new[] { null, "cbk_0123456789_inventee" })
        {
            await AskAsync(HttpMethod.Get, api, key, Outcome.SignIn);
            await AskAsync(HttpMethod.Get, $"{api}/{id}", key, Outcome.SignIn);
            await AskAsync(HttpMethod.Post, $"{api}/{id}/prise-en-charge", key, Outcome.SignIn);
            await AskAsync(HttpMethod.Post, $"{api}/{id}/reponses", key, Outcome.SignIn, """{"type":"reponse","text":"Bonjour"}""");
            await AskAsync(HttpMethod.Put, $"/api/droits/v1/conventions/{fixture.Data["convention"][0].Values["id"]}/donnees", key, Outcome.SignIn, "[]");
        }
        await AskAsync(HttpMethod.Get, api, keys[Identities.Caf], Outcome.Opened);
        await AskAsync(HttpMethod.Get, $"{api}/{id}", keys[Identities.Caf], Outcome.Opened);
        await AskAsync(HttpMethod.Get, api, keys[Identities.Cpam], Outcome.Opened);
        await AskAsync(HttpMethod.Get, $"{api}/{id}", keys[Identities.Cpam], Outcome.Refused);
        await AskAsync(HttpMethod.Post, $"{api}/{id}/prise-en-charge", keys[Identities.Cpam], Outcome.Refused);
        await AskAsync(HttpMethod.Post, $"{api}/{id}/reponses", keys[Identities.Cpam], Outcome.Refused, """{"type":"reponse","text":"Bonjour"}""");
        // A partner's key is not an operator's key.
        await AskAsync(HttpMethod.Put, $"/api/droits/v1/conventions/{fixture.Data["convention"][0].Values["id"]}/donnees", keys[Identities.Caf], Outcome.SignIn, "[]");

        // The CPAM's list does not hold the CAF's question.
        using (var cpam = fixture.Factory.CreateClient())
        {
            cpam.DefaultRequestHeaders.Add("X-Api-Key", keys[Identities.Cpam]);
            Assert.DoesNotContain(id, await cpam.GetStringAsync(api), StringComparison.OrdinalIgnoreCase);
        }

        // Public endpoints: calendars, news feed, health, the API's description.
        var stop = fixture.Data["stop"][0].Values["code"];
        foreach (var url in new[] { "/car/tournee.ics", $"/car/communes/{stop}/passages.ics", "/reseau/actualites/46/atom.xml", "/health/live", "/health/ready", "/openapi/v1.json" })
        {
            await AskAsync(HttpMethod.Get, url, null, Outcome.Opened);
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}

/// <summary>How an answer reads to the person who asked.</summary>
public enum Outcome
{
    /// <summary>200, or a redirection elsewhere than the sign-in or error pages.</summary>
    Opened,
    /// <summary>403, 404, 400 or a redirection to /erreur/403 or /erreur/404.</summary>
    Refused,
    /// <summary>A redirection to /connexion (or 401 for an API).</summary>
    SignIn,
    /// <summary>Any 5xx, or a status the matrix does not expect (429...).</summary>
    Failed,
}

/// <summary>One of the identities the matrix asks as.</summary>
public sealed record Identity(string Name, string? Email, string? Role, string? Site = null, string? Organisation = null, bool Lead = false)
{
    public bool IsAnonymous => Email == null;

    public bool Is(params string[] roles) => Role != null && roles.Contains(Role);
}

/// <summary>A route and its handlers as the app's route table has them.</summary>
public sealed record ServedRoute(string Pattern, IReadOnlyList<(string Method, string Handler)> Handlers);

/// <summary>The demo database with the objects the matrix needs, and one signed-in client per identity.</summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    private readonly Dictionary<string, (HttpClient Client, string? Token)> _clients = [];

    public CarteBlancheFactory Factory { get; } = new(TestDatabase.SqliteWithDemoData(), settings: new Dictionary<string, string>
    {
        ["Security:SignInAttemptsPerMinute"] = "1000",
    });

    public MatrixData Data { get; private set; } = null!;

    public IReadOnlyList<ServedRoute> Routes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Routes = await ServedRoutesAsync(Factory.Services);
        Data = await MatrixData.CreateAsync(Factory);
        foreach (var who in Identities.All)
        {
            var client = Factory.CreateBrowserClient(followRedirects: false);
            string? token = null;
            if (!who.IsAnonymous)
            {
                using var signedIn = await Html.SignInAsync(client, who.Email!, CarteBlancheFactory.DemoPassword);
                Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{who.Email} did not sign in: {(int)signedIn.StatusCode}");
                // The layout's sign-out form carries the account's antiforgery token: good for every form of the app.
                using var home = await client.GetAsync("/");
                token = Html.AntiforgeryToken(await home.Content.ReadAsStringAsync());
            }
            _clients[who.Name] = (client, token);
        }
    }

    public async Task<Outcome> AskAsync(Identity who, HttpMethod method, string url)
    {
        var (client, token) = _clients[who.Name];
        using var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(token == null ? [] : [new("__RequestVerificationToken", token)]);
        }
        using var response = await client.SendAsync(request);
        return Classify(response);
    }

    public static Outcome Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        return status switch
        {
            200 or 204 => Outcome.Opened,
            301 or 302 or 303 when location.Contains("/connexion", StringComparison.OrdinalIgnoreCase) => Outcome.SignIn,
            301 or 302 or 303 when location.Contains("/erreur/403", StringComparison.OrdinalIgnoreCase) || location.Contains("/erreur/404", StringComparison.OrdinalIgnoreCase) => Outcome.Refused,
            301 or 302 or 303 => Outcome.Opened,
            400 or 403 or 404 or 405 or 409 or 422 => Outcome.Refused,
            401 => Outcome.SignIn,
            _ => Outcome.Failed,
        };
    }

    private static async Task<IReadOnlyList<ServedRoute>> ServedRoutesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<ServedRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var handlers = new List<(string, string)>();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                handlers.AddRange(compiled.HandlerMethods
                    .Where(h => h.HttpMethod is "Get" or "Post")
                    .Select(h => (h.HttpMethod, h.Name ?? ""))
                    .Distinct());
            }
            var pattern = endpoint.RoutePattern.RawText!;
            // A folder's Index page answers at the folder's address and at ".../Index": the same page, asked once.
            if (pattern == "Index" || pattern.EndsWith("/Index", StringComparison.Ordinal))
            {
                continue;
            }
            routes.Add(new ServedRoute(pattern, handlers));
        }
        return routes;
    }

    public async Task DisposeAsync()
    {
        foreach (var (client, _) in _clients.Values)
        {
            client.Dispose();
        }
        await Factory.DisposeAsync();
    }
}
