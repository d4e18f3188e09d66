using System.Net;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Staff;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Employers;

/// <summary>The HR service centre through its pages: enrolment, employees, payslips on the URSSAF's model, who sees what, bad input; on SQLite and PostgreSQL.</summary>
public abstract class EmployersTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    private static string Decode(string html) => EmployersPages.Decode(html);

    /// <summary>A firm enrolled today is in its preparation month.</summary>
    private static DateOnly Today => EmployersPages.Today;

    [Fact]
    public async Task An_hr_expert_enrols_a_firm_records_an_employee_and_issues_the_reference_payslip_with_the_urssaf_figures()
    {
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var siret = EmployersPages.NewSiret();
        var firm = await EmployersPages.EnrolAsync(expert, $"Fournil de Concots {siret[..5]}", Siret.Format(siret));
        using (var page = await expert.GetAsync($"/employeurs/{firm}"))
        {
            var html = Decode(await page.ReadPageAsync());
            Assert.Contains("Mois de préparation", html, StringComparison.Ordinal);
            Assert.Contains("47.24Z", html, StringComparison.Ordinal);
            Assert.Contains("IDCC 0843", html, StringComparison.Ordinal);
            Assert.Contains("Hugo Expert RH</strong> : Recrutement, Suivi des parcours, Paie, Formalités RH", html, StringComparison.Ordinal);
        }

        using var added = await EmployersPages.AddEmployeeAsync(expert, firm, "Cdi", "2026-01-05", "", "2 000,00");
        Assert.Contains("CDI depuis le 05/01/2026", Decode(await added.ReadPageAsync()), StringComparison.Ordinal);
        using (var register = await expert.GetAsync($"/employeurs/{firm}/registre"))
        {
            var lines = Decode(await register.ReadPageAsync());
            Assert.Contains("<td>1</td>", lines, StringComparison.Ordinal);
            Assert.Contains("Boulangère, CDI", lines, StringComparison.Ordinal);
            Assert.Contains("12/04/1990", lines, StringComparison.Ordinal);
        }
        var employee = await Factory.WithDbAsync(db => db.Set<Employee>().Where(e => e.FirmId == firm).Select(e => e.Id).SingleAsync());

        using var calculated = await EmployersPages.PayslipAsync(expert, firm, employee, "2026-06", "Calculate");
        var preview = Decode(await calculated.ReadPageAsync());
        Assert.Contains("1 561,26 €", preview, StringComparison.Ordinal);
        Assert.Contains("Établir le bulletin", preview, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<Payslip>().CountAsync(p => p.FirmId == firm)));

        using var issued = await EmployersPages.PayslipAsync(expert, firm, employee, "2026-06", "Issue");
        var payslip = Decode(await issued.ReadPageAsync());
        Assert.Contains("Bulletin de paie — juin 2026", payslip, StringComparison.Ordinal);
        Assert.Contains("1 561,26 €", payslip, StringComparison.Ordinal);   // net before tax
        Assert.Contains("208,72 €", payslip, StringComparison.Ordinal);     // employer contributions
        Assert.Contains("669,20 €", payslip, StringComparison.Ordinal);     // RGDU
        Assert.Contains("2 208,72 €", payslip, StringComparison.Ordinal);   // total cost
        var stored = await Factory.WithDbAsync(db => db.Set<Payslip>().SingleAsync(p => p.FirmId == firm));
        Assert.Equal(1561.26m, stored.NetBeforeTax);
        Assert.Equal(208.72m, stored.EmployerContributions);
        Assert.Equal(669.20m, stored.Rgdu);
        Assert.Equal("11.1.0", stored.ModelVersion);
        Assert.Contains("'CDI'", stored.SituationJson, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "employers.payslip-issue" && e.RecordId == stored.Id.ToString())));

        // The same month again: refused, nothing more stored.
        using var again = await EmployersPages.PayslipAsync(expert, firm, employee, "2026-06", "Issue");
        Assert.Contains("le bulletin de juin 2026 de Jeanne", Decode(await again.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<Payslip>().CountAsync(p => p.FirmId == firm)));
    }

    [Fact]
    public async Task Part_time_overtime_and_unpaid_hours_reach_the_model_and_the_payslip_shows_them()
    {
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var siret = EmployersPages.NewSiret();
        var firm = await EmployersPages.EnrolAsync(expert, $"Épicerie de Bach {siret[..5]}", siret);
        using (await EmployersPages.AddEmployeeAsync(expert, firm, "Cdd", "2026-03-01", "2026-12-31", "1300", hours: "24", reason: "Accroissement temporaire d'activité"))
        {
        }
        using (await EmployersPages.AddEmployeeAsync(expert, firm, "Cdi", "2025-01-01", "", "2000"))
        {
        }
        var staff = await Factory.WithDbAsync(db => db.Set<EmploymentContract>().Where(c => c.FirmId == firm).ToListAsync());
        var partTime = staff.Single(c => c.Kind == ContractKind.Cdd);
        var fullTime = staff.Single(c => c.Kind == ContractKind.Cdi);

        using var part = await EmployersPages.PayslipAsync(expert, firm, partTime.EmployeeId, "2026-06", "Issue");
        var partHtml = Decode(await part.ReadPageAsync());
        Assert.Contains("temps partiel, 24 h par semaine", partHtml, StringComparison.Ordinal);
        using var overtime = await EmployersPages.PayslipAsync(expert, firm, fullTime.EmployeeId, "2026-06", "Issue", overtime: "10");
        Assert.Contains("Heures supplémentaires (10 h, majorées)", Decode(await overtime.ReadPageAsync()), StringComparison.Ordinal);
        using var unpaid = await EmployersPages.PayslipAsync(expert, firm, fullTime.EmployeeId, "2026-07", "Issue", unpaid: "15,5");
        Assert.Contains("Retenue pour 15,5 h non payées", Decode(await unpaid.ReadPageAsync()), StringComparison.Ordinal);

        var payslips = await Factory.WithDbAsync(db => db.Set<Payslip>().Where(p => p.FirmId == firm).ToListAsync());
        var june = payslips.Single(p => p.EmployeeId == fullTime.EmployeeId && p.Month == 6);
        var july = payslips.Single(p => p.Month == 7);
        Assert.True(june.Gross > 2000m && june.OvertimePay > 0 && june.NetBeforeTax > 1561.26m);   // 10 overtime hours paid on top
        Assert.Equal(2000m - Math.Round(2000m / 151.67m * 15.5m, 2, MidpointRounding.AwayFromZero), july.BaseGross);
        Assert.True(july.NetBeforeTax < 1561.26m);
        Assert.Contains("heures par semaine", payslips.Single(p => p.EmployeeId == partTime.EmployeeId).SituationJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_siret_a_contract_ending_before_it_starts_and_a_month_outside_the_model_are_refused_in_french_with_nothing_stored()
    {
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var firms = await Factory.WithDbAsync(db => db.Set<Firm>().CountAsync());
        var siret = EmployersPages.NewSiret();
        var wrong = siret[..13] + (char)('0' + ((siret[13] - '0' + 1) % 10));
        using var badSiret = await Html.PostFormAsync(expert, "/employeurs/inscrire", EmployersPages.FirmFields("Menuiserie du Causse", wrong));
        Assert.Contains("n'est pas un SIRET valide (sa clé de contrôle ne correspond pas)", Decode(await badSiret.ReadPageAsync()), StringComparison.Ordinal);
        using var shortSiret = await Html.PostFormAsync(expert, "/employeurs/inscrire", EmployersPages.FirmFields("Menuiserie du Causse", "1234"));
        Assert.Contains("n'a pas 14 chiffres", Decode(await shortSiret.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(firms, await Factory.WithDbAsync(db => db.Set<Firm>().CountAsync()));

        var firm = await EmployersPages.EnrolAsync(expert, $"Menuiserie du Causse {siret[..5]}", siret);
        using var twice = await Html.PostFormAsync(expert, "/employeurs/inscrire", EmployersPages.FirmFields("Autre nom", siret));
        Assert.Contains("est déjà inscrit au service", Decode(await twice.ReadPageAsync()), StringComparison.Ordinal);

        using var backwards = await EmployersPages.AddEmployeeAsync(expert, firm, "Cdd", "2026-09-01", "2026-08-01", "1900", reason: "Remplacement");
        Assert.Contains("Fin du contrat : le contrat finirait le 01/08/2026, avant de commencer le 01/09/2026.", Decode(await backwards.ReadPageAsync()), StringComparison.Ordinal);
        using var noReason = await EmployersPages.AddEmployeeAsync(expert, firm, "Cdd", "2026-09-01", "2026-12-01", "1900");
        Assert.Contains("Motif du CDD", Decode(await noReason.ReadPageAsync()), StringComparison.Ordinal);
        using var badGross = await EmployersPages.AddEmployeeAsync(expert, firm, "Cdi", "2026-09-01", "", "deux mille");
        Assert.Contains("Salaire brut mensuel : un montant en euros", Decode(await badGross.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<Employee>().CountAsync(e => e.FirmId == firm)));

        using (await EmployersPages.AddEmployeeAsync(expert, firm, "Cdi", "2026-01-01", "", "1900"))
        {
        }
        var employee = await Factory.WithDbAsync(db => db.Set<Employee>().Where(e => e.FirmId == firm).Select(e => e.Id).SingleAsync());
        using var future = await EmployersPages.PayslipAsync(expert, firm, employee, "2027-01", "Issue");
        Assert.Contains("calcule pour les dates du 01/01/2026 au 31/12/2026", Decode(await future.ReadPageAsync()), StringComparison.Ordinal);
        using var beforeContract = await EmployersPages.PayslipAsync(expert, firm, employee, "2025-12", "Issue");
        Assert.Contains("ne couvre pas décembre 2025", Decode(await beforeContract.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<Payslip>().CountAsync(p => p.FirmId == firm)));
    }

    [Fact]
    public async Task The_firm_owner_sees_their_firm_and_its_payslips_only_and_another_expert_sees_nothing_of_it()
    {
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var demo = await Factory.WithDbAsync(db => db.Set<Firm>().SingleAsync(f => f.Siret == EmployersDemoData.DemoSiret));
        var baker = await Factory.WithDbAsync(db => db.Set<Employee>().Where(e => e.FirmId == demo.Id && e.FirstName == "Lucas").Select(e => e.Id).SingleAsync());
        const string month = "2026-05";
        using (var issued = await EmployersPages.PayslipAsync(expert, demo.Id, baker, month, "Issue"))
        {
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        }
        var payslip = await Factory.WithDbAsync(db => db.Set<Payslip>().Where(p => p.EmployeeId == baker).OrderByDescending(p => p.IssuedAt).Select(p => p.Id).FirstAsync());
        var siret = EmployersPages.NewSiret();
        var other = await EmployersPages.EnrolAsync(expert, $"Garage de Lalbenque {siret[..5]}", siret);

        using var owner = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.FirmOwner));
        using var home = await owner.GetAsync("/employeurs");
        Assert.EndsWith($"/employeurs/{demo.Id}", home.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var html = Decode(await home.ReadPageAsync());
        Assert.Contains("Lucas Martin", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Établir un bulletin de paie", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter un salarié", html, StringComparison.Ordinal);
        using var read = await owner.GetAsync($"/employeurs/bulletins/{payslip}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "employers.payslip-read" && e.RecordId == payslip.ToString())));
        using var otherFirm = await owner.GetAsync($"/employeurs/{other}");
        Assert.Equal(HttpStatusCode.NotFound, otherFirm.StatusCode);
        using var issue = await owner.GetAsync($"/employeurs/{demo.Id}/bulletins/nouveau");
        Assert.Equal(HttpStatusCode.Forbidden, issue.StatusCode);

        // An HR expert who does not follow the firm: nothing of it; the one who does may add them.
        var stranger = await EmployersPages.CreateExpertAsync(Factory);
        using var strangerClient = await Factory.SignedInClientAsync(stranger.Email);
        using var hidden = await strangerClient.GetAsync($"/employeurs/{demo.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var hiddenPayslip = await strangerClient.GetAsync($"/employeurs/bulletins/{payslip}");
        Assert.Equal(HttpStatusCode.NotFound, hiddenPayslip.StatusCode);
        using var list = await strangerClient.GetAsync("/employeurs");
        Assert.DoesNotContain(EmployersDemoData.DemoFirmName, Decode(await list.ReadPageAsync()), StringComparison.Ordinal);
        using var assigned = await Html.PostFormAsync(expert, $"/employeurs/{other}", [new("ExpertId", stranger.Id.ToString()), new("Functions", "Payroll")], $"/employeurs/{other}?handler=Expert");
        Assert.Contains($"{stranger.Name}</strong> : Paie", Decode(await assigned.ReadPageAsync()), StringComparison.Ordinal);
        using var nowVisible = await strangerClient.GetAsync($"/employeurs/{other}");
        Assert.Equal(HttpStatusCode.OK, nowVisible.StatusCode);

        // Taking the expert off asks first.
        using var unconfirmed = await Html.PostFormAsync(expert, $"/employeurs/{other}", [], $"/employeurs/{other}?handler=RemoveExpert&expert={stranger.Id}");
        Assert.Contains($"Retirer {stranger.Name} de", Decode(await unconfirmed.ReadPageAsync()), StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.Set<FirmExpert>().AnyAsync(e => e.FirmId == other && e.AccountId == stranger.Id)));
        using var confirmed = await Html.PostFormAsync(expert, $"/employeurs/{other}", [new("confirme", "oui")], $"/employeurs/{other}?handler=RemoveExpert&expert={stranger.Id}");
        Assert.False(await Factory.WithDbAsync(db => db.Set<FirmExpert>().AnyAsync(e => e.FirmId == other && e.AccountId == stranger.Id)));
    }

    [Fact]
    public async Task An_employees_page_gives_the_next_professional_interview_under_the_law_of_its_date_and_records_one_held()
    {
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var siret = EmployersPages.NewSiret();
        var firm = await EmployersPages.EnrolAsync(expert, $"Ferronnerie de Bach {siret[..5]}", siret);
        using (await EmployersPages.AddEmployeeAsync(expert, firm, "Cdi", "2025-01-10", "", "2100"))
        {
        }
        var employee = await Factory.WithDbAsync(db => db.Set<Employee>().Where(e => e.FirmId == firm).Select(e => e.Id).SingleAsync());
        using (var page = await expert.GetAsync($"/employeurs/salaries/{employee}"))
        {
            // Hired in January 2025: the former rule's two years stand (the new first-year deadline would fall before 1 October 2026).
            var html = Decode(await page.ReadPageAsync());
            Assert.Contains("Prochain entretien : avant le 10/01/2027", html, StringComparison.Ordinal);
            Assert.Contains("État des lieux récapitulatif : avant le 10/01/2033 — tous les 8 ans d'ancienneté (loi 2025-989)", html, StringComparison.Ordinal);
        }
        var url = $"/employeurs/salaries/{employee}";
        using var future = await Html.PostFormAsync(expert, url, [new("Kind", "Professional"), new("HeldOn", Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("Summary", "")], $"{url}?handler=Interview");
        Assert.Contains("n'est pas encore arrivé", Decode(await future.ReadPageAsync()), StringComparison.Ordinal);
        using var held = await Html.PostFormAsync(expert, url, [new("Kind", "Professional"), new("HeldOn", "2026-10-15"), new("Summary", "Formation CACES demandée")], $"{url}?handler=Interview");
        var after = Decode(await held.ReadPageAsync());
        Assert.Contains("Prochain entretien : avant le 15/10/2030 — 4 ans après le dernier entretien (loi 2025-989)", after, StringComparison.Ordinal);
        Assert.Contains("Formation CACES demandée", after, StringComparison.Ordinal);
        using var firmPage = await expert.GetAsync($"/employeurs/{firm}");
        Assert.Contains("avant le 15/10/2030", Decode(await firmPage.ReadPageAsync()), StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "employers.employee-read" && e.RecordId == employee.ToString())));
    }

}

public sealed class SqliteEmployersTests(SqliteFactory factory) : EmployersTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEmployersTests(PostgresFactory factory) : EmployersTests(factory), IClassFixture<PostgresFactory>;
