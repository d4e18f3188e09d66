using System.Net;
using CarteBlanche.Employers.Career;
using CarteBlanche.Employers.Staff;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Employers;

/// <summary>An employee's career records (trainings, medical visits) and the end of their contract with its documents, through the pages; on SQLite and PostgreSQL.</summary>
public abstract class CareerTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    private static string Decode(string html) => EmployersPages.Decode(html);

    private async Task<(HttpClient Expert, Guid Firm, Guid Employee)> FirmWithEmployeeAsync(string kind, string start, string end, string reason = "")
    {
        var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var siret = EmployersPages.NewSiret();
        var firm = await EmployersPages.EnrolAsync(expert, $"Boucherie de Cénevières {siret[..5]}", siret);
        using (var added = await EmployersPages.AddEmployeeAsync(expert, firm, kind, start, end, "1 900", reason: reason))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }
        var employee = await Factory.WithDbAsync(db => db.Set<Employee>().Where(e => e.FirmId == firm).Select(e => e.Id).SingleAsync());
        return (expert, firm, employee);
    }

    [Fact]
    public async Task Trainings_and_medical_visits_are_recorded_with_french_errors_and_the_next_visit_follows_the_labour_code()
    {
        var (expert, _, employee) = await FirmWithEmployeeAsync("Cdi", "2026-02-02", "");
        using (expert)
        {
            using (var page = await expert.GetAsync($"/employeurs/salaries/{employee}"))
            {
                var html = Decode(await page.ReadPageAsync());
                // No visit yet: within 3 months of taking up the job; born in 1990, the mid-career visit in 2035.
                Assert.Contains("Visite d'information et de prévention : en retard, elle était due le 02/05/2026", html, StringComparison.Ordinal);
                Assert.Contains("Visite de mi-carrière : avant le 31/12/2035", html, StringComparison.Ordinal);
            }

            using (var bad = await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee}",
                [new("TrainingTitle", ""), new("TrainingStart", "2026-05-10"), new("TrainingEnd", "2026-05-01"), new("TrainingHours", "beaucoup")],
                $"/employeurs/salaries/{employee}?handler=Training"))
            {
                var html = Decode(await bad.ReadPageAsync());
                Assert.Contains("Intitulé de la formation : écrivez-le", html, StringComparison.Ordinal);
                Assert.Contains("Fin de la formation : le 01/05/2026 est avant son début, le 10/05/2026.", html, StringComparison.Ordinal);
                Assert.Contains("Durée en heures : écrivez un nombre d'heures", html, StringComparison.Ordinal);
            }
            Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<Training>().CountAsync(t => t.EmployeeId == employee)));
            using (var training = await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee}",
                [new("TrainingTitle", "Hygiène alimentaire HACCP"), new("TrainingProvider", "CMA du Lot"), new("TrainingStart", "2026-05-04"), new("TrainingEnd", "2026-05-05"), new("TrainingHours", "14"), new("TrainingCertifying", "true")],
                $"/employeurs/salaries/{employee}?handler=Training"))
            {
                Assert.Contains("Hygiène alimentaire HACCP (CMA du Lot), du 04/05/2026 au 05/05/2026, 14 h, certifiante", Decode(await training.ReadPageAsync()), StringComparison.Ordinal);
            }

            var tomorrow = EmployersPages.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            using (var future = await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee}", [new("VisitKind", "InformationPrevention"), new("VisitOn", tomorrow)], $"/employeurs/salaries/{employee}?handler=Visit"))
            {
                Assert.Contains("n'est pas encore arrivé", Decode(await future.ReadPageAsync()), StringComparison.Ordinal);
            }
            using (var visit = await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee}", [new("VisitKind", "InformationPrevention"), new("VisitOn", "2026-04-20")], $"/employeurs/salaries/{employee}?handler=Visit"))
            {
                var html = Decode(await visit.ReadPageAsync());
                Assert.Contains("Visite d'information et de prévention le 20/04/2026", html, StringComparison.Ordinal);
                Assert.Contains("Visite d'information et de prévention : avant le 20/04/2031", html, StringComparison.Ordinal);
            }
            Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "employers.medical-visit-record" && e.RecordId == employee.ToString())));
        }
    }

    [Fact]
    public async Task Ending_a_cdd_asks_first_writes_the_exit_date_on_the_register_and_gives_the_three_documents()
    {
        var (expert, firm, employee) = await FirmWithEmployeeAsync("Cdd", "2026-03-02", "2026-08-31", "Accroissement temporaire d'activité");
        using (expert)
        {
            using (var issued = await EmployersPages.PayslipAsync(expert, firm, employee, "2026-06", "Issue"))
            {
                Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
            }
            using (var form = await expert.GetAsync($"/employeurs/salaries/{employee}/fin-de-contrat"))
            {
                var html = Decode(await form.ReadPageAsync());
                // The planned end and the 10 % indemnity on the CDD's payslips are offered.
                Assert.Contains("value=\"2026-08-31\"", html, StringComparison.Ordinal);
                Assert.Contains("value=\"190\"", html, StringComparison.Ordinal);
            }
            List<KeyValuePair<string, string>> Fields(string lastDay, string reason, string leave = "412,30", string documentsOn = "2026-08-31") =>
            [
                new("LastDay", lastDay), new("Reason", reason), new("FinalSalary", "1 900"), new("PaidLeaveIndemnity", leave), new("EndOfContractIndemnity", "190"),
                new("SeveranceIndemnity", "0"), new("Place", "Cénevières"), new("DocumentsOn", documentsOn),
            ];

            using (var bad = await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee}/fin-de-contrat", Fields("2026-05-29", "EndOfApprenticeship", "trop", "2026-05-01")))
            {
                var html = Decode(await bad.ReadPageAsync());
                Assert.Contains("Dernier jour du contrat : un bulletin de paie existe pour juin 2026, après ce jour.", html, StringComparison.Ordinal);
                Assert.Contains("ne vaut que pour un contrat d'apprentissage", html, StringComparison.Ordinal);
                Assert.Contains("Indemnité compensatrice de congés payés : écrivez un montant", html, StringComparison.Ordinal);
                Assert.Contains("Date des documents : ils se remettent à la fin du contrat, le 29/05/2026 ou après.", html, StringComparison.Ordinal);
            }
            using (var later = await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee}/fin-de-contrat", Fields("2026-09-15", "EndOfFixedTerm")))
            {
                Assert.Contains("Dernier jour du contrat : le contrat finit le 31/08/2026", Decode(await later.ReadPageAsync()), StringComparison.Ordinal);
            }
            using (var asked = await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee}/fin-de-contrat", Fields("2026-08-31", "EndOfFixedTerm")))
            {
                Assert.Contains("Mettre fin au contrat de Jeanne", Decode(await asked.ReadPageAsync()), StringComparison.Ordinal);
            }
            Assert.False(await Factory.WithDbAsync(db => db.Set<ContractEnd>().AnyAsync(e => e.EmployeeId == employee)));
            Assert.Null(await Factory.WithDbAsync(db => db.Set<StaffRegisterEntry>().Where(e => e.EmployeeId == employee).Select(e => e.ExitDate).SingleAsync()));

            using var done = await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee}/fin-de-contrat", [.. Fields("2026-08-31", "EndOfFixedTerm"), new("confirme", "oui")]);
            var documents = Decode(await done.ReadPageAsync());
            Assert.Contains("Certificat de travail", documents, StringComparison.Ordinal);
            Assert.Contains("du 02/03/2026 au 31/08/2026, dans les emplois suivants", documents, StringComparison.Ordinal);
            Assert.Contains("Fin de contrat à durée déterminée", documents, StringComparison.Ordinal);
            Assert.Contains("<th scope=\"row\">juin 2026</th><td>1 900,00 €</td>", documents, StringComparison.Ordinal);
            Assert.Contains("d'un montant brut total de <strong>2 502,30 €</strong>", documents, StringComparison.Ordinal);
            Assert.Contains("Fait à Cénevières, le 31/08/2026", documents, StringComparison.Ordinal);
            Assert.Equal(new DateOnly(2026, 8, 31), await Factory.WithDbAsync(db => db.Set<StaffRegisterEntry>().Where(e => e.EmployeeId == employee).Select(e => e.ExitDate).SingleAsync()));
            using (var register = await expert.GetAsync($"/employeurs/{firm}/registre"))
            {
                Assert.Contains("31/08/2026", Decode(await register.ReadPageAsync()), StringComparison.Ordinal);
            }

            // Once only: a second end is refused, nothing changes.
            using (var again = await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee}/fin-de-contrat", [.. Fields("2026-07-31", "Resignation"), new("confirme", "oui")]))
            {
                Assert.Contains("Le contrat est déjà terminé, le 31/08/2026.", Decode(await again.ReadPageAsync()), StringComparison.Ordinal);
            }
            Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<ContractEnd>().CountAsync(e => e.EmployeeId == employee)));

            // Another expert sees nothing of it.
            var stranger = await EmployersPages.CreateExpertAsync(Factory);
            using var strangerClient = await Factory.SignedInClientAsync(stranger.Email);
            using var hidden = await strangerClient.GetAsync($"/employeurs/salaries/{employee}/fin-de-contrat");
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
    }
}

public sealed class SqliteCareerTests(SqliteFactory factory) : CareerTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCareerTests(PostgresFactory factory) : CareerTests(factory), IClassFixture<PostgresFactory>;
