using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace CarteBlanche.IntegrationTests.Infrastructure;

/// <summary>What a browser does with the app's HTML forms, without a browser.</summary>
public static partial class Html
{
    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, "no antiforgery token (__RequestVerificationToken) in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The page's text as a reader sees it (entities decoded).</summary>
    public static async Task<string> ReadPageAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The main navigation block (nav.fr-nav).</summary>
    public static string Navigation(string html)
    {
        var match = NavigationBlock().Match(html);
        Assert.True(match.Success, "no <nav class=\"fr-nav\"> in the page");
        return match.Value;
    }

    /// <summary>GET the sign-in page, POST the form as the browser would; the final response (redirects followed if the client does).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        using var form = await client.GetAsync("/connexion");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var token = AntiforgeryToken(await form.Content.ReadAsStringAsync());
        return await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>POST a form that carries only the antiforgery token of the page at <paramref name="tokenFrom"/>.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string tokenFrom, string action)
    {
        using var page = await client.GetAsync(tokenFrom);
        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>GET <paramref name="pageUrl"/>, then POST its form to <paramref name="action"/> (default: the same address) with these fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        using var page = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        return await client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]+)"[^>]*>""")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("""<nav class="fr-nav"[\s\S]*?</nav>""")]
    private static partial Regex NavigationBlock();
}
