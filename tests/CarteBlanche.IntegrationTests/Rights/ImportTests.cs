using System.Text;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Rights;
using CarteBlanche.Rights.Conventions;
using CarteBlanche.Rights.Exchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Rights;

/// <summary>Operators' files into the database: atomic replacement, rejection with line numbers, nothing in clear that should not be; on SQLite and PostgreSQL.</summary>
public abstract class ImportTests(CarteBlancheFactory factory)
{
    private const string Header = "identifiant;foyer;role;nir;nom_naissance;prenoms;sexe;date_naissance;code_insee_commune;rsa;revenus_activite:2026-09";

    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task A_good_file_replaces_the_previous_one_at_once_and_a_bad_one_changes_nothing()
    {
        var (convention, caf) = await DemoAsync();
        var first = await ImportAsync(convention, caf, "caf-1.csv", Header,
            "A1;F1;allocataire;184127645108946;Delmas;Odette;F;1984-12-12;46042;oui;412.50",
            "A2;F1;enfant;;Delmas;Léo;M;2015-03-02;46042;;");
        Assert.Equal(ImportStatus.Succeeded, first.Status);
        Assert.True(first.IsCurrent);
        Assert.Equal(2, first.Rows);

        var stored = await Factory.WithDbAsync(db => db.Set<OperatorRecord>().AsNoTracking().Where(r => r.ImportId == first.Id).OrderBy(r => r.SourceId).ToListAsync());
        Assert.Equal(["A1", "A2"], stored.Select(r => r.SourceId));
        Assert.Equal(64, stored[0].NirHash!.Length);
        Assert.DoesNotContain("184127645108946", stored[0].NirHash, StringComparison.Ordinal);
        Assert.DoesNotContain("412.50", stored[0].FactsProtected, StringComparison.Ordinal);

        // Errors on lines 3 and 4: rejected, the first file's data stays current.
        var bad = await ImportAsync(convention, caf, "caf-2.csv", Header,
            "A1;F1;allocataire;;Delmas;Odette;F;1984-12-12;46042;oui;400",
            "A3;F2;allocataire;184127645108947;Roques;Jean;M;1980-01-01;46042;non;0",
            "A1;F1;allocataire;;Delmas;Odette;F;1984-12-12;46042;oui;400");
        Assert.Equal(ImportStatus.Rejected, bad.Status);
        Assert.Contains("ligne 3 : NIR invalide", bad.Errors, StringComparison.Ordinal);
        Assert.Contains("ligne 4 : identifiant « A1 » en double (déjà ligne 2)", bad.Errors, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(bad.Id));
        Assert.Equal(2, await CountAsync(first.Id));

        var second = await ImportAsync(convention, caf, "caf-3.csv", Header,
            "B1;F9;allocataire;;Vidal;Anne;F;1990-08-15;46102;non;1200");
        Assert.Equal(ImportStatus.Succeeded, second.Status);
        Assert.Equal(0, await CountAsync(first.Id));
        Assert.Equal(1, await CountAsync(second.Id));
        Assert.False(await Factory.WithDbAsync(db => db.Set<OperatorImport>().Where(i => i.Id == first.Id).Select(i => i.IsCurrent).SingleAsync()));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "rights.import" && e.Purpose == "operator-data")));
    }

    [Fact]
    public async Task A_file_from_an_operator_outside_the_convention_is_refused()
    {
        var (convention, _) = await DemoAsync();
        var msa = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "MSA Midi-Pyrénées Nord").Select(o => o.Id).SingleAsync());
        var refused = await ImportAsync(convention, msa, "msa.csv", "identifiant;nom_naissance;prenoms;sexe;date_naissance", "M1;Vidal;Anne;F;1990-08-15");
        Assert.Equal(ImportStatus.Rejected, refused.Status);
        Assert.Equal("cet organisme n'est pas partie à la convention : son fichier est refusé", refused.Errors);
        Assert.Equal(0, await CountAsync(refused.Id));
    }

    [Fact]
    public async Task An_import_left_running_by_a_crash_is_never_current_and_the_next_one_removes_it()
    {
        var (convention, caf) = await DemoAsync();
        var crashed = new OperatorImport { ConventionId = convention, OperatorId = caf, FileName = "coupe.csv", Status = ImportStatus.Running, StartedAt = DateTimeOffset.UtcNow };
        await Factory.WithDbAsync(async db =>
        {
            db.Add(crashed);
            db.Add(new OperatorRecord { ImportId = crashed.Id, SourceId = "X", BirthName = "X", FirstNames = "X", Sex = 'M', FactsProtected = "" });
            return await db.SaveChangesAsync();
        });
        var next = await ImportAsync(convention, caf, "caf.csv", Header, "C1;F1;allocataire;;Delmas;Odette;F;1984-12-12;46042;oui;412.50");
        Assert.Equal(ImportStatus.Succeeded, next.Status);
        Assert.False(await Factory.WithDbAsync(db => db.Set<OperatorImport>().AnyAsync(i => i.Id == crashed.Id)));
        Assert.Equal(0, await CountAsync(crashed.Id));
    }

    [Fact]
    public async Task The_page_of_an_import_a_stopped_server_left_running_says_it_was_interrupted_and_another_steward_cannot_see_it()
    {
        var (convention, caf) = await DemoAsync();
        // Started 20 minutes ago and in no server's queue: a server stopped during it.
        var stopped = new OperatorImport { ConventionId = convention, OperatorId = caf, FileName = "coupe.csv", Status = ImportStatus.Running, Progress = 40, StartedAt = DateTimeOffset.UtcNow.AddMinutes(-20) };
        await Factory.WithDbAsync(async db =>
        {
            db.Add(stopped);
            return await db.SaveChangesAsync();
        });
        var url = $"/droits/conventions/{convention}/fichiers/{stopped.Id}";
        using var steward = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.DataSteward));
        var page = await (await steward.GetAsync(url)).ReadPageAsync();
        Assert.Contains("Cet import a été interrompu", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page, StringComparison.Ordinal); // nothing to wait for
        using (var unknown = await steward.GetAsync($"/droits/conventions/{convention}/fichiers/{Guid.NewGuid()}"))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        }
        using var cpamSteward = await Factory.SignedInClientAsync("referent.cpam@demo.carteblanche.fr");
        using var other = await cpamSteward.GetAsync(url);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task The_caf_data_steward_sends_a_file_from_the_page_and_sees_its_errors_by_line()
    {
        var (convention, caf) = await DemoAsync();
        var url = $"/droits/conventions/{convention}/fichiers";
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using (var refused = await agent.GetAsync(url))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var steward = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.DataSteward));
        Task<string> SendAsync(string fileName, string text) => SendBytesAsync(fileName, Encoding.UTF8.GetBytes(text));
        async Task<string> SendBytesAsync(string fileName, byte[] bytes)
        {
            using var form = await steward.GetAsync(url);
            var page = await form.ReadPageAsync();
            Assert.Contains("revenus_activite", page, StringComparison.Ordinal); // the CAF's format, from the dictionary
            using var content = new MultipartFormDataContent
            {
                { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" },
                { new StringContent(caf.ToString()), "OperatorId" },
            };
            content.Add(new ByteArrayContent(bytes), "Upload", fileName);
            using var sent = await steward.PostAsync(url, content);
            // The file is imported in the background: its page shows a progress bar and refreshes itself until the result.
            var follow = sent.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.StartsWith(url + "/", follow, StringComparison.Ordinal);
            for (var attempt = 0; ; attempt++)
            {
                using var status = await steward.GetAsync(follow);
                var shown = await status.ReadPageAsync();
                if (!shown.Contains("id=\"import-progress\"", StringComparison.Ordinal))
                {
                    return shown;
                }
                Assert.True(attempt < 300, "l'import se termine");
                await Task.Delay(100);
            }
        }
        var bad = await SendAsync("caf.csv", "identifiant,nom_naissance,prenoms,sexe,date_naissance,salaire\nA1,Delmas,Odette,F,1984-12-12,1000\n");
        Assert.Contains("refusé : 1 erreur(s)", bad, StringComparison.Ordinal);
        Assert.Contains("ligne 1 : colonne 6 « salaire » inconnue", bad, StringComparison.Ordinal);
        // Saved from a spreadsheet as plain « CSV » (Windows-1252): refused where the first accent is, not stored as « H�l�ne ».
        var latin = await SendBytesAsync("caf.csv", Encoding.Latin1.GetBytes("identifiant,nom_naissance,prenoms,sexe,date_naissance\nA1,Delmas,Odette,F,1984-12-12\nA2,Roques,Hélène,F,1980-01-01\n"));
        Assert.Contains("ligne 3 : caractère illisible : le fichier n'est pas enregistré en UTF-8", latin, StringComparison.Ordinal);
        var good = await SendAsync("caf.jsonl", "{\"identifiant\": \"P1\", \"nom_naissance\": \"Delmas\", \"prenoms\": \"Odette\", \"sexe\": \"F\", \"date_naissance\": \"1984-12-12\", \"rsa\": false}\n");
        Assert.Contains("importé : 1 personne(s)", good, StringComparison.Ordinal);
        Assert.Contains("1 personne(s), en service", await (await steward.GetAsync(url)).ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caf_pushes_its_file_through_the_api_with_its_key_and_a_revoked_or_foreign_key_is_refused()
    {
        var (convention, caf) = await DemoAsync();
        var url = $"/droits/conventions/{convention}/fichiers";
        using var steward = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.DataSteward));
        using var created = await Html.PostFormAsync(steward, url, [new("OperatorId", caf.ToString())], url + "?handler=NewKey");
        var page = await created.ReadPageAsync();
        var key = System.Text.RegularExpressions.Regex.Match(page, "<code class=\"cb-secret\">([A-Za-z0-9_-]+)</code>").Groups[1].Value;
        Assert.True(key.Length > 30, "la clé est affichée une fois");
        Assert.DoesNotContain(key, await (await steward.GetAsync(url)).ReadPageAsync(), StringComparison.Ordinal);

        using var api = Factory.CreateClient();
        async Task<HttpResponseMessage> PushAsync(string? withKey, Guid to, string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/droits/v1/conventions/{to}/donnees") { Content = new StringContent(body, Encoding.UTF8, "text/csv") };
            if (withKey != null)
            {
                request.Headers.Add("X-Api-Key", withKey);
            }
            return await api.SendAsync(request);
        }
        using (var anonymous = await PushAsync(null, convention, Header + "\n"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using (var pushed = await PushAsync(key, convention, Header + "\nP1;F1;allocataire;;Delmas;Odette;F;1984-12-12;46042;oui;412.50\n"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, pushed.StatusCode);
            Assert.Contains("\"statut\":\"importé\"", await pushed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var current = await Factory.WithDbAsync(db => db.Set<OperatorImport>().AsNoTracking().SingleAsync(i => i.ConventionId == convention && i.OperatorId == caf && i.IsCurrent));
        Assert.Equal(1, current.Rows);
        using (var bad = await PushAsync(key, convention, Header + "\nP1;F1;allocataire;;Delmas;Odette;F;1984-13-12;46042;oui;412.50\n"))
        {
            Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Contains("ligne 2", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.True(await Factory.WithDbAsync(db => db.Set<OperatorImport>().Where(i => i.Id == current.Id).Select(i => i.IsCurrent).SingleAsync()));

        using (var foreign = await PushAsync(key, Guid.NewGuid(), Header + "\n"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, foreign.StatusCode);
        }
        using var revoked = await Html.PostFormAsync(steward, url, [new("OperatorId", caf.ToString())], url + "?handler=RevokeKey");
        Assert.Contains("Clé révoquée", await revoked.ReadPageAsync(), StringComparison.Ordinal);
        using (var refused = await PushAsync(key, convention, Header + "\n"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "rights.api-refused")));
    }

    private Task<int> CountAsync(Guid importId) => Factory.WithDbAsync(db => db.Set<OperatorRecord>().CountAsync(r => r.ImportId == importId));

    private async Task<(Guid Convention, Guid Caf)> DemoAsync()
    {
        var convention = await Factory.WithDbAsync(db => db.Set<Convention>().Where(c => c.Title == RightsDemoData.ConventionTitle).Select(c => c.Id).SingleAsync());
        var caf = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "CAF du Lot").Select(o => o.Id).SingleAsync());
        return (convention, caf);
    }

    private Task<OperatorImport> ImportAsync(Guid convention, Guid operatorId, string fileName, params string[] lines) =>
        Factory.InScopeAsync(async sp =>
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
            return await sp.GetRequiredService<OperatorImporter>().ImportAsync(convention, operatorId, content, fileName, null, null, CancellationToken.None);
        });
}

[Collection(ImportCollection.Name)]
public sealed class SqliteImportTests(SqliteFactory factory) : ImportTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresImportTests(PostgresFactory factory) : ImportTests(factory), IClassFixture<PostgresFactory>;

/// <summary>The import tests share the demonstration convention's CAF data: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ImportCollection
{
    public const string Name = "Rights imports";
}
