using System.Net;
using System.Text.RegularExpressions;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Rights;
using CarteBlanche.Rights.Consents;
using CarteBlanche.Rights.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Rights;

/// <summary>Conventions, their data dictionary and residents' consents through the pages; on SQLite and PostgreSQL.</summary>
public abstract partial class RightsTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task A_convention_is_in_force_only_once_every_party_signed_and_its_dictionary_changes_are_journaled()
    {
        using var coordinator = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Coordinator));
        var caf = await OrganisationIdAsync("CAF du Lot");
        var msa = await OrganisationIdAsync("MSA Midi-Pyrénées Nord");
        var title = "Convention CAF-MSA " + Guid.NewGuid().ToString("N")[..6];
        KeyValuePair<string, string>[] Fields(params Guid[] parties) =>
        [
            new("Title", title), new("Purpose", "Repérer le non-recours des exploitants agricoles."), new("LegalBasis", "RGPD art. 6-1-e."),
            new("StartsOn", "2026-01-01"), new("EndsOn", "2028-12-31"), .. parties.Select(p => new KeyValuePair<string, string>("Parties", p.ToString())),
        ];

        using var alone = await Html.PostFormAsync(coordinator, "/droits/conventions/nouvelle", Fields(caf));
        Assert.Contains("Cochez au moins deux organismes parties à la convention.", await alone.ReadPageAsync(), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Set<Convention>().AnyAsync(c => c.Title == title)));

        using var created = await Html.PostFormAsync(coordinator, "/droits/conventions/nouvelle", Fields(caf, msa));
        var page = await created.ReadPageAsync();
        Assert.Contains("En attente de signature", page, StringComparison.Ordinal);
        var url = created.RequestMessage!.RequestUri!.AbsolutePath;
        var convention = await Factory.WithDbAsync(db => db.Set<Convention>().AsNoTracking().SingleAsync(c => c.Title == title));
        foreach (var party in convention.Parties)
        {
            using var signed = await Html.PostFormAsync(coordinator, url, [new("PartyId", party.Id.ToString()), new("Signatory", "Le directeur"), new("SignedOn", "2025-12-01")], url + "?handler=Sign");
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
            page = await signed.ReadPageAsync();
        }
        Assert.Contains("la convention est en vigueur", page, StringComparison.Ordinal);

        using var badCode = await Html.PostFormAsync(coordinator, url,
            [new("OperatorId", msa.ToString()), new("Code", "Revenus agricoles!"), new("Label", "Revenus"), new("Source", "Fichier MSA"), new("Type", "Amount"), new("Refresh", "Yearly"), new("Sensitivity", "Sensitive")],
            url + "?handler=AddAttribute");
        Assert.Contains("Le code ne prend que des lettres minuscules", await badCode.ReadPageAsync(), StringComparison.Ordinal);
        using var added = await Html.PostFormAsync(coordinator, url,
            [new("OperatorId", msa.ToString()), new("Code", "benefice_agricole"), new("Label", "Bénéfice agricole de l'année"), new("Source", "Fichier MSA"), new("Type", "Amount"), new("Refresh", "Yearly"), new("Sensitivity", "Sensitive")],
            url + "?handler=AddAttribute");
        Assert.Contains("Bénéfice agricole de l'année", await added.ReadPageAsync(), StringComparison.Ordinal);
        var attribute = await Factory.WithDbAsync(db => db.Set<SharedAttribute>().SingleAsync(a => a.ConventionId == convention.Id));

        // Removing asks first (no confirmation: the question, nothing removed), then removes.
        using var asked = await Html.PostFormAsync(coordinator, url, [new("AttributeId", attribute.Id.ToString())], url + "?handler=RemoveAttribute");
        Assert.Contains("Oui, retirer la donnée", await asked.ReadPageAsync(), StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.Set<SharedAttribute>().AnyAsync(a => a.Id == attribute.Id)));
        using var removed = await Html.PostFormAsync(coordinator, url, [new("AttributeId", attribute.Id.ToString()), new("confirme", "oui")], url + "?handler=RemoveAttribute");
        Assert.Contains("retirée du dictionnaire", await removed.ReadPageAsync(), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Set<SharedAttribute>().AnyAsync(a => a.Id == attribute.Id)));
        // Created, signed twice, a datum added, one removed: five journal lines.
        Assert.Equal(5, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordId == convention.Id.ToString() && e.Purpose == "convention-administration")));
    }

    [Fact]
    public async Task Only_desk_users_data_stewards_coordinators_and_admins_see_conventions_and_an_agent_cannot_change_them()
    {
        using var referent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.PartnerReferent));
        using var refused = await referent.GetAsync("/droits");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        using var list = await agent.GetAsync("/droits");
        var page = await list.ReadPageAsync();
        Assert.Contains(RightsDemoData.ConventionTitle, page, StringComparison.Ordinal);
        Assert.Contains("En vigueur", page, StringComparison.Ordinal);
        Assert.Contains("Partage de données", Html.Navigation(page), StringComparison.Ordinal);
        using var create = await agent.GetAsync("/droits/conventions/nouvelle");
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);

        // The CAF's data steward changes the demonstration convention (the CAF is a party to it).
        var demo = await DemoConventionAsync();
        using var steward = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.DataSteward));
        using var fiche = await steward.GetAsync($"/droits/conventions/{demo.Id}");
        page = await fiche.ReadPageAsync();
        Assert.Contains("Ajouter une donnée", page, StringComparison.Ordinal);
        Assert.Contains("Quotient familial", page, StringComparison.Ordinal);
        using var agentFiche = await agent.GetAsync($"/droits/conventions/{demo.Id}");
        Assert.DoesNotContain("Ajouter une donnée", await agentFiche.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_records_a_consent_the_resident_withdraws_it_with_their_link_and_campaigns_lose_them_at_once()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Consentante");
        var demo = await DemoConventionAsync();
        var caf = await OrganisationIdAsync("CAF du Lot");
        var form = $"/droits/consentements/nouveau/{residentId}";

        using var empty = await Html.PostFormAsync(agent, form, [new("Form.ConventionId", demo.Id.ToString()), new("Form.Channel", "InPerson"), new("Form.GivenOn", Today()), new("Form.ExpiresOn", Today())]);
        var emptyPage = await empty.ReadPageAsync();
        Assert.Contains("Cochez au moins un organisme", emptyPage, StringComparison.Ordinal);
        Assert.Contains("Cochez au moins une finalité.", emptyPage, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Set<Consent>().AnyAsync(c => c.ResidentId == residentId)));

        using var tooLong = await Html.PostFormAsync(agent, form, ConsentFields(demo.Id, caf, expires: DateOnly.Parse(Today()).AddYears(4).ToString("yyyy-MM-dd")));
        Assert.Contains("Un consentement vaut au plus 3 ans", await tooLong.ReadPageAsync(), StringComparison.Ordinal);

        using var recorded = await Html.PostFormAsync(agent, form, ConsentFields(demo.Id, caf, expires: DateOnly.Parse(Today()).AddMonths(6).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Contains("enregistré", await recorded.ReadPageAsync(), StringComparison.Ordinal);
        var consentUrl = recorded.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Contains(residentId, await ConsentingAsync(demo.Id, caf));

        using var residentPage = await agent.GetAsync($"/usagers/{residentId}");
        var resident = await residentPage.ReadPageAsync();
        Assert.Contains("Consentements au partage de données", resident, StringComparison.Ordinal);
        Assert.Contains("Valide", resident, StringComparison.Ordinal);
        Assert.Contains("Recueillir un consentement", resident, StringComparison.Ordinal);

        // Another site's agent sees neither the consent nor the form.
        using var lalbenque = await Factory.SignedInClientAsync("agent.lalbenque@demo.carteblanche.fr");
        using (var other = await lalbenque.GetAsync(consentUrl))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }
        using (var otherForm = await lalbenque.GetAsync(form))
        {
            Assert.Equal(HttpStatusCode.Forbidden, otherForm.StatusCode);
        }

        // The personal link: shown once, opens the resident's consents without an account.
        using var linkPage = await Html.PostFormAsync(agent, consentUrl, [], consentUrl + "?handler=Link");
        var link = PersonalLink().Match(await linkPage.ReadPageAsync());
        Assert.True(link.Success, "the personal link is shown");
        var path = new Uri(link.Value).AbsolutePath;
        using var anonymous = Factory.CreateBrowserClient();
        using (var own = await anonymous.GetAsync(path))
        {
            var ownPage = await own.ReadPageAsync();
            Assert.Contains(RightsDemoData.ConventionTitle, ownPage, StringComparison.Ordinal);
            Assert.Contains("Retirer ce consentement", ownPage, StringComparison.Ordinal);
        }
        var consentId = await Factory.WithDbAsync(db => db.Set<Consent>().Where(c => c.ResidentId == residentId).Select(c => c.Id).SingleAsync());
        using var ask = await Html.PostFormAsync(anonymous, path, [new("ConsentId", consentId.ToString())]);
        Assert.Contains("Oui, retirer mon consentement", await ask.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Contains(residentId, await ConsentingAsync(demo.Id, caf));
        using var withdrawn = await Html.PostFormAsync(anonymous, path, [new("ConsentId", consentId.ToString()), new("confirme", "oui")]);
        Assert.Contains("est retiré", await withdrawn.ReadPageAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(residentId, await ConsentingAsync(demo.Id, caf));
        var stored = await Factory.WithDbAsync(db => db.Set<Consent>().SingleAsync(c => c.Id == consentId));
        Assert.Equal(WithdrawalChannel.PersonalLink, stored.WithdrawnVia);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "consent.withdraw" && e.RecordId == residentId.ToString() && e.ActorId == null)));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "consent.read-by-resident" && e.RecordId == residentId.ToString())));

        // A link nobody was given opens nothing.
        using var unknown = await anonymous.GetAsync("/mes-consentements/inconnu");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Ce lien n'est pas valable", await unknown.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consent_needs_a_convention_in_force_and_operators_that_are_its_parties()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Prudente");
        var demo = await DemoConventionAsync();
        var msa = await OrganisationIdAsync("MSA Midi-Pyrénées Nord");
        using var outsider = await Html.PostFormAsync(agent, $"/droits/consentements/nouveau/{residentId}", ConsentFields(demo.Id, msa, expires: Today()));
        Assert.Contains("Un organisme coché n'est pas signataire de la convention.", await outsider.ReadPageAsync(), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Set<Consent>().AnyAsync(c => c.ResidentId == residentId)));
    }

    [Fact]
    public async Task Deleting_a_resident_deletes_their_consents_and_personal_link()
    {
        using var agent = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));
        var residentId = await CreateResidentAsync(agent, "Oubliee");
        var demo = await DemoConventionAsync();
        using var recorded = await Html.PostFormAsync(agent, $"/droits/consentements/nouveau/{residentId}", ConsentFields(demo.Id, await OrganisationIdAsync("CAF du Lot"), expires: Today()));
        var consentUrl = recorded.RequestMessage!.RequestUri!.AbsolutePath;
        using var link = await Html.PostFormAsync(agent, consentUrl, [], consentUrl + "?handler=Link");
        Assert.True(await Factory.WithDbAsync(db => db.Set<ResidentLink>().AnyAsync(l => l.ResidentId == residentId)));

        await Factory.InScopeAsync(async sp =>
        {
            foreach (var module in sp.GetServices<CarteBlanche.Desk.Contracts.IResidentPersonalDataWipe>())
            {
                await module.WipeAsync([residentId], CancellationToken.None);
            }
        });
        Assert.False(await Factory.WithDbAsync(db => db.Set<Consent>().AnyAsync(c => c.ResidentId == residentId)));
        Assert.False(await Factory.WithDbAsync(db => db.Set<ResidentLink>().AnyAsync(l => l.ResidentId == residentId)));
    }

    private static string Today() => CarteBlanche.Platform.Calendar.ParisClock.DayOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private KeyValuePair<string, string>[] ConsentFields(Guid conventionId, Guid operatorId, string expires) =>
    [
        new("Form.ConventionId", conventionId.ToString()), new("Form.OperatorIds", operatorId.ToString()),
        new("Form.AttributeCodes", "quotient_familial"), new("Form.AttributeCodes", "rsa"),
        new("Form.Purposes", "NonTakeUp"), new("Form.Channel", "InPerson"), new("Form.GivenOn", Today()), new("Form.ExpiresOn", expires),
    ];

    private Task<HashSet<Guid>> ConsentingAsync(Guid conventionId, Guid operatorId) =>
        Factory.InScopeAsync(sp => sp.GetRequiredService<ConsentRegistry>().ConsentingResidentsAsync(conventionId, operatorId, "rsa", ConsentPurpose.NonTakeUp, CancellationToken.None));

    private Task<Convention> DemoConventionAsync() =>
        Factory.WithDbAsync(db => db.Set<Convention>().AsNoTracking().SingleAsync(c => c.Title == RightsDemoData.ConventionTitle));

    private Task<Guid> OrganisationIdAsync(string name) =>
        Factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private static async Task<Guid> CreateResidentAsync(HttpClient agent, string first)
    {
        using var created = await Html.PostFormAsync(agent, "/usagers/nouveau",
        [
            new("Input.FirstName", first), new("Input.LastName", "Droits-" + Guid.NewGuid().ToString("N")[..6]), new("Input.BirthDate", "03/05/1984"),
            new("Input.Phone", "05 65 20 00 00"), new("Input.PreferredChannel", "Phone"),
        ]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
    }

    [GeneratedRegex(@"https?://[^<\s""]+/mes-consentements/[A-Za-z0-9_-]+")]
    private static partial Regex PersonalLink();
}

public sealed class SqliteRightsTests(SqliteFactory factory) : RightsTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRightsTests(PostgresFactory factory) : RightsTests(factory), IClassFixture<PostgresFactory>;
