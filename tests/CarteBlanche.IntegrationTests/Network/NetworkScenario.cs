using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.IntegrationTests.Network;

/// <summary>What the network's tests set up through the pages: a case to ask about, its needs, an organisation.</summary>
internal static class NetworkScenario
{
    /// <summary>A new resident (last name <paramref name="lastName"/> and a suffix) with a phone and a new family case at the Grand Cahors site, through the desk's pages.</summary>
    public static async Task<Guid> NewCaseAsync(CarteBlancheFactory factory, string lastName)
    {
        using var agent = await factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", "Mathilde"), new("Input.LastName", lastName + "-" + Guid.NewGuid().ToString("N")[..6]), new("Input.BirthDate", "02/06/1985"),
            new("Input.Phone", "06 55 44 33 22"), new("Input.PreferredChannel", "Phone"),
        ]);
        var residentId = created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last();
        var site = await factory.WithDbAsync(db => db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync());
        using var opened = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
            [new("Channel", "InPerson"), new("Needs[0].Domain", "Famille"), new("Needs[0].Description", "Changement de situation"), new("PlaceId", site.ToString())]);
        return Guid.Parse(opened.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
    }

    public static Task<List<Guid>> NeedIdsAsync(CarteBlancheFactory factory, Guid caseId) =>
        factory.WithDbAsync(db => db.Set<CarteBlanche.Desk.Cases.Need>().Where(n => n.CaseId == caseId).Select(n => n.Id).ToListAsync());

    public static Task<Guid> OrganisationIdAsync(CarteBlancheFactory factory, string name) =>
        factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    /// <summary>Posts a question page's handler with the question's current version (read from the page) and its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostWithVersionAsync(HttpClient client, string url, string handler, KeyValuePair<string, string>[] fields)
    {
        using var page = await client.GetAsync(url);
        var html = await page.ReadPageAsync();
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"([^\"]*)\"").Groups[1].Value;
        var all = fields.Append(new("Version", version)).Append(new("__RequestVerificationToken", Html.AntiforgeryToken(html)));
        return await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(all));
    }
}
