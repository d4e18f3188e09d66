using System.Net;
using System.Text.Json;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Recruitment;
using CarteBlanche.Employers.Staff;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace CarteBlanche.IntegrationTests.Employers;

/// <summary>Recruitment through the pages: an offer in France Travail's shape, candidates through the pipeline, a hiring and its DPAE checklist, the owner invited; on SQLite and PostgreSQL.</summary>
public abstract class RecruitmentTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    private static string Decode(string html) => EmployersPages.Decode(html);

    private static DateOnly Today => EmployersPages.Today;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<Firm> DemoFirmAsync() => Factory.WithDbAsync(db => db.Set<Firm>().SingleAsync(f => f.Siret == EmployersDemoData.DemoSiret));

    private static List<KeyValuePair<string, string>> OfferFields(string rome = "D1106", string kind = "Cdd", string duration = "6") =>
    [
        new("Form.Title", "Vendeur en boulangerie (H/F)"), new("Form.RomeCode", rome), new("Form.ContractKind", kind), new("Form.DurationMonths", duration),
        new("Form.WeeklyHours", "28"), new("Form.GrossMin", "1 450"), new("Form.GrossMax", "1 600,50"), new("Form.Commune", "46042"),
        new("Form.Experience", "Desirable"), new("Form.ExperienceMonths", "6"), new("Form.Positions", "1"),
        new("Form.Description", "Vente au comptoir, mise en rayon.\nDu mardi au samedi."),
    ];

    [Fact]
    public async Task An_offer_is_exported_in_france_travails_shape_and_a_wrong_rome_code_is_refused()
    {
        var firm = await DemoFirmAsync();
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var before = await Factory.WithDbAsync(db => db.Set<JobOffer>().CountAsync());
        using var wrong = await Html.PostFormAsync(expert, $"/employeurs/{firm.Id}/offres/nouvelle", OfferFields(rome: "1106D"));
        Assert.Contains("Code ROME : « 1106D » n'est pas un code ROME", Decode(await wrong.ReadPageAsync()), StringComparison.Ordinal);
        using var noDuration = await Html.PostFormAsync(expert, $"/employeurs/{firm.Id}/offres/nouvelle", OfferFields(duration: ""));
        Assert.Contains("Durée : indiquez la durée du CDD en mois.", Decode(await noDuration.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Set<JobOffer>().CountAsync()));

        using var created = await Html.PostFormAsync(expert, $"/employeurs/{firm.Id}/offres/nouvelle", OfferFields());
        var page = Decode(await created.ReadPageAsync());
        Assert.Contains("Brouillon", page, StringComparison.Ordinal);
        var offerId = Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
        using var published = await Html.PostFormAsync(expert, $"/employeurs/offres/{offerId}", [], $"/employeurs/offres/{offerId}?handler=Publish");
        Assert.Contains("Publiée", Decode(await published.ReadPageAsync()), StringComparison.Ordinal);

        using var json = await expert.GetAsync($"/employeurs/offres/{offerId}?handler=Json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        using var offer = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var root = offer.RootElement;
        Assert.Equal("Vendeur en boulangerie (H/F)", root.GetProperty("intitule").GetString());
        Assert.Equal("D1106", root.GetProperty("romeCode").GetString());
        Assert.Equal("CDD", root.GetProperty("typeContrat").GetString());
        Assert.Equal("Contrat à durée déterminée - 6 Mois", root.GetProperty("typeContratLibelle").GetString());
        Assert.Equal("S", root.GetProperty("experienceExige").GetString());
        Assert.Equal("Mensuel de 1450,00 Euros à 1600,50 Euros sur 12 mois", root.GetProperty("salaire").GetProperty("libelle").GetString());
        Assert.Equal("Temps partiel", root.GetProperty("dureeTravailLibelleConverti").GetString());
        Assert.Equal("46042", root.GetProperty("lieuTravail").GetProperty("commune").GetString());
        Assert.Equal("46 - CAHORS", root.GetProperty("lieuTravail").GetProperty("libelle").GetString());
        Assert.Equal(EmployersDemoData.DemoFirmName, root.GetProperty("entreprise").GetProperty("nom").GetString());
    }

    [Fact]
    public async Task A_candidate_goes_through_interview_and_selection_is_hired_and_the_dpae_checklist_follows_the_rules()
    {
        var firm = await DemoFirmAsync();
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        using var created = await Html.PostFormAsync(expert, $"/employeurs/{firm.Id}/offres/nouvelle", OfferFields(kind: "Cdi", duration: ""));
        var offerId = Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
        var url = $"/employeurs/offres/{offerId}";
        using (await Html.PostFormAsync(expert, url, [new("NewCandidate.FirstName", "Chloé"), new("NewCandidate.LastName", "Garrigue"), new("NewCandidate.Phone", "06 12 34 56 78"), new("NewCandidate.Source", "France Travail")], $"{url}?handler=Candidate"))
        {
        }
        using (await Html.PostFormAsync(expert, url, [new("NewCandidate.FirstName", "Marc"), new("NewCandidate.LastName", "Rigal")], $"{url}?handler=Candidate"))
        {
        }
        var candidates = await Factory.WithDbAsync(db => db.Set<Candidate>().Where(c => c.OfferId == offerId).ToListAsync());
        var chloe = candidates.Single(c => c.FirstName == "Chloé");
        var marc = candidates.Single(c => c.FirstName == "Marc");

        using var noDate = await Html.PostFormAsync(expert, url, [new("Status", "Interview"), new("InterviewAt", ""), new("RefusalReason", "")], $"{url}?handler=Status&candidat={chloe.Id}");
        Assert.Contains("Entretien : indiquez le jour et l'heure de l'entretien de Chloé Garrigue.", Decode(await noDate.ReadPageAsync()), StringComparison.Ordinal);
        using var interview = await Html.PostFormAsync(expert, url, [new("Status", "Interview"), new("InterviewAt", $"{Iso(Today.AddDays(2))}T10:30"), new("RefusalReason", "")], $"{url}?handler=Status&candidat={chloe.Id}");
        Assert.Contains("entretien le", Decode(await interview.ReadPageAsync()), StringComparison.Ordinal);
        // The interview on the expert's calendar: listed on the firms' page, and as an iCalendar event at Paris time.
        using (var list = await expert.GetAsync("/employeurs"))
        {
            Assert.Contains("\">Chloé G., ", Decode(await list.ReadPageAsync()), StringComparison.Ordinal);
        }
        using (var ics = await expert.GetAsync($"{url}?handler=Ics&candidat={chloe.Id}"))
        {
            Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
            var text = await ics.Content.ReadAsStringAsync();
            var utc = TimeZoneInfo.ConvertTimeToUtc(Today.AddDays(2).ToDateTime(new TimeOnly(10, 30)), CarteBlanche.Platform.Calendar.ParisClock.Zone);
            Assert.Contains($"DTSTART:{utc:yyyyMMdd'T'HHmmss}Z\r\n", text, StringComparison.Ordinal);
            Assert.Contains("SUMMARY:Entretien d'embauche : Chloé G.\\,", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Garrigue", text, StringComparison.Ordinal);
        }
        using (var noInterview = await expert.GetAsync($"{url}?handler=Ics&candidat={marc.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, noInterview.StatusCode);
        }
        using var noReason = await Html.PostFormAsync(expert, url, [new("Status", "Refused"), new("InterviewAt", ""), new("RefusalReason", " ")], $"{url}?handler=Status&candidat={marc.Id}");
        Assert.Contains("Motif : indiquez pourquoi la candidature de Marc Rigal n'est pas retenue.", Decode(await noReason.ReadPageAsync()), StringComparison.Ordinal);
        using (await Html.PostFormAsync(expert, url, [new("Status", "Refused"), new("InterviewAt", ""), new("RefusalReason", "Pas de permis B")], $"{url}?handler=Status&candidat={marc.Id}"))
        {
        }
        using var selected = await Html.PostFormAsync(expert, url, [new("Status", "Selected"), new("InterviewAt", ""), new("RefusalReason", "")], $"{url}?handler=Status&candidat={chloe.Id}");
        Assert.Contains("Embaucher Chloé Garrigue", Decode(await selected.ReadPageAsync()), StringComparison.Ordinal);

        var start = Today.AddDays(10);
        var hireUrl = $"/employeurs/embauches/nouvelle?candidat={chloe.Id}";
        List<KeyValuePair<string, string>> hire(string birth) =>
        [
            new("Form.Start", Iso(start)), new("Form.StartTime", "07:30"), new("Form.WeeklyHours", "28"), new("Form.MonthlyGross", "1 450"),
            new("Form.TrialPeriod", "2 mois"), new("Form.Sex", "F"), new("Form.BirthDate", birth), new("Form.BirthPlace", "Cahors (46)"), new("Form.Nationality", "Française"),
            new("Form.HealthService", "Service de santé au travail du Lot (démonstration)"),
        ];
        using var tooYoung = await Html.PostFormAsync(expert, hireUrl, hire(Iso(Today.AddYears(-10))));
        Assert.Contains("le salarié doit avoir entre 14 et 100 ans", Decode(await tooYoung.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(CandidateStatus.Selected, await Factory.WithDbAsync(db => db.Set<Candidate>().Where(c => c.Id == chloe.Id).Select(c => c.Status).SingleAsync()));

        using var hired = await Html.PostFormAsync(expert, hireUrl, hire("1998-03-14"));
        var checklist = Decode(await hired.ReadPageAsync());
        Assert.Contains("Embauche de Chloé Garrigue", checklist, StringComparison.Ordinal);
        Assert.Contains($"DPAE à faire entre le {Today.AddDays(2):dd/MM/yyyy} et le {start:dd/MM/yyyy} à 7 h 30", checklist, StringComparison.Ordinal);
        Assert.Contains("Cahors (46)", checklist, StringComparison.Ordinal);
        var hiring = await Factory.WithDbAsync(db => db.Set<Hiring>().SingleAsync(h => h.CandidateId == chloe.Id));
        var contract = await Factory.WithDbAsync(db => db.Set<EmploymentContract>().SingleAsync(c => c.Id == hiring.ContractId));
        Assert.Equal((ContractKind.Cdi, start, 28m, 1450m, "Vendeur en boulangerie (H/F)"), (contract.Kind, contract.Start, contract.WeeklyHours, contract.MonthlyGross, contract.JobTitle));
        Assert.Equal(OfferStatus.Filled, await Factory.WithDbAsync(db => db.Set<JobOffer>().Where(o => o.Id == offerId).Select(o => o.Status).SingleAsync()));
        // The staff register gets its line, after the demonstration firm's two.
        var line = await Factory.WithDbAsync(db => db.Set<StaffRegisterEntry>().SingleAsync(e => e.EmployeeId == hiring.EmployeeId));
        Assert.Equal(("Garrigue", "F", "Française", new DateOnly(1998, 3, 14), start), (line.LastName, line.Sex, line.Nationality, line.BirthDate, line.EntryDate));
        Assert.True(line.Number >= 3);

        // The DPAE: not more than 8 days ahead, with its receipt; a step in the future is refused.
        var hiringUrl = $"/employeurs/embauches/{hiring.Id}";
        using var early = await Html.PostFormAsync(expert, hiringUrl, [new("DpaeDeclaredOn", Iso(Today)), new("DpaeReceipt", "DPAE-0001")]);
        Assert.Contains($"une DPAE se fait au plus tôt 8 jours avant l'embauche, soit le {Today.AddDays(2):dd/MM/yyyy}", Decode(await early.ReadPageAsync()), StringComparison.Ordinal);
        using var noReceipt = await Html.PostFormAsync(expert, hiringUrl, [new("DpaeDeclaredOn", Iso(Today)), new("DpaeReceipt", "")]);
        Assert.Contains("Accusé de réception : indiquez le numéro", Decode(await noReceipt.ReadPageAsync()), StringComparison.Ordinal);
        using var future = await Html.PostFormAsync(expert, hiringUrl, [new("ContractSignedOn", Iso(Today.AddDays(1)))]);
        Assert.Contains("n'est pas encore arrivé", Decode(await future.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Null(await Factory.WithDbAsync(db => db.Set<Hiring>().Where(h => h.Id == hiring.Id).Select(h => h.DpaeDeclaredOn).SingleAsync()));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "employers.hire")));
    }

    [Fact]
    public async Task The_expert_invites_the_owner_of_a_new_firm_who_then_sees_it_and_nothing_else()
    {
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var siret = "8" + Random.Shared.NextInt64(0, 1_000_000_000_000L).ToString("D12");
        siret += Enumerable.Range(0, 10).First(k => Siret.IsValid(siret + k));
        using var enrolled = await Html.PostFormAsync(expert, "/employeurs/inscrire",
        [
            new("Form.Name", $"Garage du Causse {siret[..5]}"), new("Form.Siret", siret), new("Form.NafCode", "45.20A"), new("Form.Headcount", "2"),
            new("Form.Commune", "46013"), new("Form.EnrolledOn", Iso(Today)),
        ]);
        var firm = Guid.Parse(enrolled.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
        var email = $"dirigeant.{Guid.NewGuid():N}@exemple.fr";
        using var badEmail = await Html.PostFormAsync(expert, $"/employeurs/{firm}", [new("OwnerName", "Paul Mécano"), new("OwnerEmail", "pas-une-adresse")], $"/employeurs/{firm}?handler=InviteOwner");
        Assert.Contains("L'adresse e-mail n'est pas valide", Decode(await badEmail.ReadPageAsync()), StringComparison.Ordinal);
        using var invited = await Html.PostFormAsync(expert, $"/employeurs/{firm}", [new("OwnerName", "Paul Mécano"), new("OwnerEmail", email)], $"/employeurs/{firm}?handler=InviteOwner");
        Assert.Contains($"Invitation envoyée à {email}", Decode(await invited.ReadPageAsync()), StringComparison.Ordinal);

        await Factory.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        var id = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == email).Select(m => m.Id).SingleAsync());
        var message = await MimeMessage.LoadAsync(Path.Combine(Factory.Database.MailDirectory, $"{id:N}.eml"));
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://[^/\s]+(/\S+)").Groups[1].Value;
        using var visitor = Factory.CreateBrowserClient();
        using (await Html.PostFormAsync(visitor, link, [new("Password", "Paul-Mecano-2026!"), new("Confirmation", "Paul-Mecano-2026!")]))
        {
        }
        using var owner = Factory.CreateBrowserClient();
        using (await Html.SignInAsync(owner, email, "Paul-Mecano-2026!"))
        {
        }
        using var home = await owner.GetAsync("/employeurs");
        Assert.EndsWith($"/employeurs/{firm}", home.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var demo = await DemoFirmAsync();
        using var other = await owner.GetAsync($"/employeurs/{demo.Id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}

public sealed class SqliteRecruitmentTests(SqliteFactory factory) : RecruitmentTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRecruitmentTests(PostgresFactory factory) : RecruitmentTests(factory), IClassFixture<PostgresFactory>;
