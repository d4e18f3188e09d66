using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Network;

/// <summary>The partners' API with an organisation key: list, read, take, answer; bad keys and other organisations' questions refused.</summary>
public abstract partial class PartnerApiTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task A_caf_tool_lists_reads_takes_and_answers_a_question_with_its_key()
    {
        var questionId = await AskAsync("CAF du Lot", "Le dossier est-il complet ?");
        var key = await CreateKeyAsync("CAF du Lot", DemoData.EmailFor(Roles.PartnerReferent));
        using var api = ApiClient(key);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/reseau/v1/sollicitations?etat=Sent");
        Assert.Contains(list.EnumerateArray(), q => q.GetProperty("id").GetGuid() == questionId);

        using (var read = await api.GetAsync($"/api/reseau/v1/sollicitations/{questionId}"))
        {
            Assert.True(read.Headers.CacheControl?.NoStore, "the resident's data is never kept in a cache");
        }
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/reseau/v1/sollicitations/{questionId}");
        Assert.Equal("Mathilde", detail.GetProperty("resident").GetProperty("firstName").GetString());
        Assert.Contains(detail.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString() == "Le dossier est-il complet ?");

        using var taken = await api.PostAsync($"/api/reseau/v1/sollicitations/{questionId}/prise-en-charge", null);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        using var empty = await api.PostAsJsonAsync($"/api/reseau/v1/sollicitations/{questionId}/reponses", new { type = "reponse", text = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType!.MediaType);
        using var answered = await api.PostAsJsonAsync($"/api/reseau/v1/sollicitations/{questionId}/reponses", new { type = "reponse", text = "Oui, il est complet." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        using var again = await api.PostAsJsonAsync($"/api/reseau/v1/sollicitations/{questionId}/reponses", new { type = "reponse", text = "Encore." });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var state = await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().Where(q => q.Id == questionId).Select(q => q.State).SingleAsync());
        Assert.Equal(QuestionState.Answered, state);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "question.answer" && e.RecordId == questionId.ToString() && e.Purpose == "partner-api")));
    }

    [Fact]
    public async Task No_key_a_wrong_or_revoked_key_or_another_organisations_question_is_refused_and_nothing_changes()
    {
        var questionId = await AskAsync("CAF du Lot", "Question pour la CAF seulement");
        using var anonymous = Factory.CreateBrowserClient(followRedirects: false);
        using var noKey = await anonymous.GetAsync("/api/reseau/v1/sollicitations");
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        using var wrong = ApiClient("cbk_0123456789_inconnue");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/reseau/v1/sollicitations")).StatusCode);

        var cpamKey = await CreateKeyAsync("CPAM du Lot", DemoData.EmailFor(Roles.Coordinator));
        using var cpam = ApiClient(cpamKey);
        using var other = await cpam.GetAsync($"/api/reseau/v1/sollicitations/{questionId}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("Cette sollicitation n'est pas adressée à votre organisme.", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        using var otherAnswer = await cpam.PostAsJsonAsync($"/api/reseau/v1/sollicitations/{questionId}/reponses", new { type = "reponse", text = "Réponse de la CPAM" });
        Assert.Equal(HttpStatusCode.Forbidden, otherAnswer.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "question.access-denied" && e.RecordId == questionId.ToString())));
        using var unknown = await cpam.GetAsync($"/api/reseau/v1/sollicitations/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // The coordinator revokes the CPAM key: it stops working at once.
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var cpamId = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "CPAM du Lot").Select(o => o.Id).SingleAsync());
        var prefix = cpamKey.Split('_')[1];
        var keyId = await Factory.WithDbAsync(db => db.Set<CarteBlanche.Network.Partners.ApiKey>().Where(k => k.Prefix == prefix).Select(k => k.Id).SingleAsync());
        using var notConfirmed = await Html.PostFormAsync(coordinator, $"/reseau/partenaires/{cpamId}", [new("keyId", keyId.ToString())], $"/reseau/partenaires/{cpamId}?handler=RevokeKey");
        Assert.Contains("Cochez « Je confirme »", await notConfirmed.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await cpam.GetAsync("/api/reseau/v1/sollicitations")).StatusCode);
        using var revoked = await Html.PostFormAsync(coordinator, $"/reseau/partenaires/{cpamId}", [new("keyId", keyId.ToString()), new("confirm", "true")], $"/reseau/partenaires/{cpamId}?handler=RevokeKey");
        using var afterRevoke = await cpam.GetAsync("/api/reseau/v1/sollicitations");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Contains("révoquée", (await afterRevoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<QuestionMessage>().CountAsync(m => m.QuestionId == questionId)));

        // Every refused call is journaled: no key, an unknown key, the revoked key (named).
        var refusals = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "api.access-denied").Select(e => new { e.RecordId, e.Purpose }).ToListAsync());
        Assert.Contains(refusals, r => r.Purpose == "api-key-missing");
        Assert.Contains(refusals, r => r.Purpose == "api-key-unknown");
        Assert.Contains(refusals, r => r.RecordId == keyId.ToString() && r.Purpose == "api-key-revoked");
        Assert.DoesNotContain(refusals, r => (r.RecordId ?? "").Contains("cbk_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_requests_get_french_json_problem_details_and_change_nothing()
    {
        var questionId = await AskAsync("CAF du Lot", "Question pour les requêtes mal formées");
        var key = await CreateKeyAsync("CAF du Lot", DemoData.EmailFor(Roles.PartnerReferent));
        using var api = ApiClient(key);
        var replies = $"/api/reseau/v1/sollicitations/{questionId}/reponses";

        using var truncated = await api.PostAsync(replies, new StringContent("{ \"type\": \"reponse\", ", System.Text.Encoding.UTF8, "application/json"));
        await AssertProblemAsync(truncated, HttpStatusCode.BadRequest, "JSON");
        using var wrongType = await api.PostAsync(replies, new StringContent("{ \"type\": 12 }", System.Text.Encoding.UTF8, "application/json"));
        await AssertProblemAsync(wrongType, HttpStatusCode.BadRequest, "« $.type »");
        using var notJson = await api.PostAsync(replies, new StringContent("type=reponse", System.Text.Encoding.UTF8, "text/plain"));
        await AssertProblemAsync(notJson, HttpStatusCode.UnsupportedMediaType, "application/json");
        using var badState = await api.GetAsync("/api/reseau/v1/sollicitations?etat=Nimporte");
        await AssertProblemAsync(badState, HttpStatusCode.BadRequest, "Le paramètre « etat » a une valeur invalide (« Nimporte »)");
        using var unknown = await api.GetAsync("/api/reseau/v1/inconnu");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "Aucune ressource à cette adresse de l'API");
        using var nul = await api.PostAsJsonAsync(replies, new { type = "reponse", text = "Oui\0, complet." });
        await AssertProblemAsync(nul, HttpStatusCode.BadRequest, "caractère nul (U+0000)");

        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<QuestionMessage>().CountAsync(m => m.QuestionId == questionId)));
        Assert.Equal(QuestionState.Sent, await Factory.WithDbAsync(db => db.Set<PartnerQuestion>().Where(q => q.Id == questionId).Select(q => q.State).SingleAsync()));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(status == response.StatusCode, $"{response.StatusCode} instead of {status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(detailPart, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_is_described_with_openapi()
    {
        using var anonymous = Factory.CreateBrowserClient();
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/reseau/v1/sollicitations/{id}/reponses", out _));
        Assert.True(paths.TryGetProperty("/api/reseau/v1/sollicitations", out _));
    }

    private HttpClient ApiClient(string key)
    {
        var client = Factory.CreateBrowserClient(followRedirects: false);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Creates a key through the settings page, as the given account (coordinator or lead referent), and reads it from the page.</summary>
    private async Task<string> CreateKeyAsync(string organisation, string email)
    {
        using var client = await Factory.SignedInClientAsync(email);
        var id = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync());
        using var created = await Html.PostFormAsync(client, $"/reseau/partenaires/{id}", [new("keyName", "Outil de test")], $"/reseau/partenaires/{id}?handler=CreateKey");
        var key = KeyValue().Match(await created.ReadPageAsync());
        Assert.True(key.Success, "the new key is shown once on the page");
        return key.Groups[1].Value;
    }

    private async Task<Guid> AskAsync(string organisation, string text)
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", "Mathilde"), new("Input.LastName", "Vialard-" + Guid.NewGuid().ToString("N")[..6]), new("Input.BirthDate", "02/06/1985"),
            new("Input.PreferredChannel", "Phone"), new("Input.Phone", "06 55 44 33 21"),
        ]);
        var residentId = created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last();
        var site = await Factory.WithDbAsync(db => db.Places.Where(p => p.Name == DemoData.GrandCahorsSite).Select(p => p.Id).SingleAsync());
        using var opened = await Html.PostFormAsync(agent, $"/demandes/nouvelle/{residentId}",
            [new("Channel", "InPerson"), new("Needs[0].Domain", "Famille"), new("Needs[0].Description", "Dossier"), new("PlaceId", site.ToString())]);
        var caseId = opened.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last();
        var organisationId = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync());
        var needId = await Factory.WithDbAsync(db => db.Set<CarteBlanche.Desk.Cases.Need>().Where(n => n.CaseId == Guid.Parse(caseId)).Select(n => n.Id).FirstAsync());
        using var sent = await Html.PostFormAsync(agent, $"/reseau/solliciter/{caseId}", [new("Besoins", needId.ToString()), new("OrganisationId", organisationId.ToString()), new("Text", text)]);
        return Guid.Parse(sent.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
    }


    [GeneratedRegex("<code id=\"nouvelle-cle\">(cbk_[^<]+)</code>")]
    private static partial Regex KeyValue();
}

public sealed class SqlitePartnerApiTests(SqliteFactory factory) : PartnerApiTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPartnerApiTests(PostgresFactory factory) : PartnerApiTests(factory), IClassFixture<PostgresFactory>;
