using System.Net;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Xunit;

namespace CarteBlanche.IntegrationTests.Web;

/// <summary>
/// Sign-in attempts are limited per client address ("Security:SignInAttemptsPerMinute"): past the limit, the visitor
/// is sent to a French page saying to wait, and even the right password is not tried. The limiter is the web app's,
/// not the database's: SQLite only.
/// </summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Past_the_limit_a_sign_in_attempt_gets_the_too_many_attempts_page_and_the_password_is_not_tried()
    {
        await using var app = new CarteBlancheFactory(TestDatabase.SqliteWithDemoData(), settings: new Dictionary<string, string> { ["Security:SignInAttemptsPerMinute"] = "3" });
        using var client = app.CreateBrowserClient();
        var email = DemoData.EmailFor(Roles.Coordinator);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var refused = await Html.SignInAsync(client, email, $"Mauvais-mot-de-passe-{attempt}!");
            Assert.Contains("Adresse e-mail ou mot de passe incorrect", await refused.ReadPageAsync(), StringComparison.Ordinal);
        }
        using var limited = await Html.SignInAsync(client, email, CarteBlancheFactory.DemoPassword);
        var page = await limited.ReadPageAsync();

        Assert.Equal("/erreur/429", limited.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Trop de tentatives", page, StringComparison.Ordinal);
        Assert.Contains("patientez quelques minutes", page, StringComparison.Ordinal);
        // The right password was not tried: the visitor is still signed out.
        Assert.DoesNotContain("Bonjour", await (await client.GetAsync("/")).ReadPageAsync(), StringComparison.Ordinal);
    }
}
