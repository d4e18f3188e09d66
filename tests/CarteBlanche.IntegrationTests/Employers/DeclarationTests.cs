using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CarteBlanche.Employers.Declarations;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Staff;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Employers;

/// <summary>The monthly DSN through the pages: what is missing, the employee's declaration data (NIR encrypted), the NEODeS file; on SQLite and PostgreSQL.</summary>
public abstract partial class DeclarationTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    private static string Decode(string html) => EmployersPages.Decode(html);

    /// <summary>A made-up NIR with its right key: a woman born in April 1990 in the Lot (46), commune 042.</summary>
    private static string NewNir()
    {
        var body = $"29004460421{Random.Shared.Next(10, 99)}";
        var key = 97 - (int)(long.Parse(body, System.Globalization.CultureInfo.InvariantCulture) % 97);
        return $"{body}{key:D2}";
    }

    [GeneratedRegex(@"^S\d{2}\.G\d{2}\.\d{2}\.\d{3},'[^\r\n]*'$")]
    private static partial Regex Rubric();

    [Fact]
    public async Task The_month_dsn_lists_what_is_missing_then_gives_a_neodes_file_whose_contributions_add_up_to_the_payslip()
    {
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var siret = EmployersPages.NewSiret();
        var firm = await EmployersPages.EnrolAsync(expert, $"Fromagerie de Rocamadour {siret[..5]}", siret);
        using (var added = await EmployersPages.AddEmployeeAsync(expert, firm, "Cdi", "2026-01-05", "", "2 000,00"))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }
        var employee = await Factory.WithDbAsync(db => db.Set<Employee>().Where(e => e.FirmId == firm).SingleAsync());

        using (var page = await expert.GetAsync($"/employeurs/{firm}/dsn?mois=2026-06"))
        {
            var html = Decode(await page.ReadPageAsync());
            Assert.Contains("DSN de juin 2026", html, StringComparison.Ordinal);
            Assert.Contains("À déposer au plus tard le <strong>15/07/2026 à 12 h</strong>", html, StringComparison.Ordinal);
            Assert.Contains("le code risque accident du travail", html, StringComparison.Ordinal);
            Assert.Contains("le contact (nom, e-mail et téléphone) est à renseigner", html, StringComparison.Ordinal);
            Assert.Contains($"{employee.FullName} : numéro de sécurité sociale, adresse, code PCS-ESE de l'emploi à renseigner.", html, StringComparison.Ordinal);
            Assert.Contains($"{employee.FullName} : aucun bulletin de paie pour juin 2026", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Télécharger le fichier DSN", html, StringComparison.Ordinal);
        }
        using (var refused = await expert.GetAsync($"/employeurs/{firm}/dsn?handler=File&mois=2026-06"))
        {
            Assert.Contains("La DSN ne peut pas encore être préparée", Decode(await refused.ReadPageAsync()), StringComparison.Ordinal);
        }

        using (var badRisk = await Html.PostFormAsync(expert, $"/employeurs/{firm}/dsn", [new("AtRiskCode", "12")], $"/employeurs/{firm}/dsn?handler=Risk&mois=2026-06"))
        {
            Assert.Contains("Code risque AT : 3 chiffres et 2 lettres", Decode(await badRisk.ReadPageAsync()), StringComparison.Ordinal);
        }
        (await Html.PostFormAsync(expert, $"/employeurs/{firm}/dsn", [new("AtRiskCode", "158za")], $"/employeurs/{firm}/dsn?handler=Risk&mois=2026-06")).Dispose();
        Assert.Equal("158ZA", await Factory.WithDbAsync(db => db.Set<Firm>().Where(f => f.Id == firm).Select(f => f.AtRiskCode).SingleAsync()));

        // The firm's contact, through its edit page.
        var fields = EmployersPages.FirmFields($"Fromagerie de Rocamadour {siret[..5]}", siret).Where(f => f.Key != "Form.ContactEmail").Append(new("Form.ContactEmail", "fromagerie@exemple.fr")).ToList();
        using (var edited = await Html.PostFormAsync(expert, $"/employeurs/{firm}/modifier", fields))
        {
            Assert.Contains("fromagerie@exemple.fr", Decode(await edited.ReadPageAsync()), StringComparison.Ordinal);
        }

        // The employee's data: a wrong NIR is refused, nothing stored; the right one is stored encrypted and shown masked.
        List<KeyValuePair<string, string>> Data(string nir) =>
        [
            new("Nir", nir), new("Street", "12, rue de la Barbacane"), new("PostalCode", "46500"), new("City", "Rocamadour"), new("BirthPlace", "Cahors"),
            new("BirthCountry", "FR"), new("NationalityGroup", "01"), new("PcsEse", "684A"), new("Status", "07"), new("TaxRate", ""), new("TaxRateId", ""),
        ];
        using (var wrong = await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee.Id}/dsn", Data("2 90 04 46 042 123 00")))
        {
            Assert.Contains("La clé du numéro de sécurité sociale ne correspond pas", Decode(await wrong.ReadPageAsync()), StringComparison.Ordinal);
        }
        Assert.False(await Factory.WithDbAsync(db => db.Set<EmployeeDeclarationData>().AnyAsync(d => d.EmployeeId == employee.Id)));
        var nir = NewNir();
        (await Html.PostFormAsync(expert, $"/employeurs/salaries/{employee.Id}/dsn", Data(nir))).Dispose();
        var stored = await Factory.WithDbAsync(db => db.Set<EmployeeDeclarationData>().SingleAsync(d => d.EmployeeId == employee.Id));
        Assert.DoesNotContain(nir[..13], stored.NirEncrypted!, StringComparison.Ordinal);
        Assert.Equal("684a", stored.PcsEse);
        using (var data = await expert.GetAsync($"/employeurs/salaries/{employee.Id}/dsn"))
        {
            var html = Decode(await data.ReadPageAsync());
            Assert.Contains($"Enregistré : 2 90 04 •• ••• ••• {nir[13..]}", html, StringComparison.Ordinal);
            Assert.DoesNotContain(nir[5..13], html, StringComparison.Ordinal);
        }

        (await EmployersPages.PayslipAsync(expert, firm, employee.Id, "2026-06", "Issue")).Dispose();
        var payslip = await Factory.WithDbAsync(db => db.Set<Payslip>().SingleAsync(p => p.EmployeeId == employee.Id));
        using (var ready = await expert.GetAsync($"/employeurs/{firm}/dsn?mois=2026-06"))
        {
            var html = Decode(await ready.ReadPageAsync());
            Assert.Contains("Tout est prêt : 1 salarié", html, StringComparison.Ordinal);
            // The model's health cover has no DSN code here: left to the firm's software, and said so.
            Assert.Contains("Complémentaire garanties frais de santé obligatoire", html, StringComparison.Ordinal);
        }
        using var file = await expert.GetAsync($"/employeurs/{firm}/dsn?handler=File&mois=2026-06");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        var text = Encoding.Latin1.GetString(bytes);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.All(lines, l => Assert.Matches(Rubric(), l));
        Assert.Equal($"S90.G00.90.001,'{lines.Length}'", lines[^2]);
        string Value(string code) => lines.Single(l => l.StartsWith(code + ",", StringComparison.Ordinal))[(code.Length + 2)..^1];
        Assert.Equal("P26V01", Value("S10.G00.00.006"));
        Assert.Equal("01062026", Value("S20.G00.05.005"));
        Assert.Equal(siret[..9], Value("S21.G00.06.001"));
        Assert.Equal("4724Z", Value("S21.G00.06.003"));
        Assert.Equal("0843", Value("S21.G00.11.022"));
        Assert.Equal(nir[..13], Value("S21.G00.30.001"));
        Assert.Equal("46", Value("S21.G00.30.014"));
        Assert.Equal("12 RUE DE LA BARBACANE", Value("S21.G00.30.008"));
        Assert.Equal("158ZA", Value("S21.G00.40.040"));
        Assert.Equal("2000.00", lines.First(l => l.StartsWith("S21.G00.51.013", StringComparison.Ordinal))[16..^1]);
        Assert.Equal("1561.26", Value("S21.G00.50.004"));
        Assert.Equal("1561.26", Value("S21.G00.58.004"));
        Assert.Equal(payslip.NetTaxable.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Value("S21.G00.50.002"));
        // No personalised rate: the neutral grid, 0.5 % on a taxable net of 1,638.82 €, withheld on the payslip.
        Assert.Equal(("0.50", "13", "8.19"), (Value("S21.G00.50.006"), Value("S21.G00.50.007"), Value("S21.G00.50.009")));
        Assert.Equal(8.19m, payslip.Tax);
        Assert.Equal(1553.07m, payslip.NetPaid);
        Assert.Equal("-669.20", lines.SkipWhile(l => l != "S21.G00.81.001,'018'").Skip(2).First()[16..^1]);
        // Blocks in the norm's order: envoi, déclaration, entreprise, établissement, individu, contrat, versement, bases, ancienneté, lieu de travail, total.
        var order = lines.Select(l => l[..10]).Distinct().ToList();
        Assert.Equal(["S10.G00.00", "S10.G00.01", "S10.G00.02", "S20.G00.05", "S21.G00.06", "S21.G00.11", "S21.G00.30", "S21.G00.40", "S21.G00.71", "S21.G00.50", "S21.G00.51", "S21.G00.53", "S21.G00.58", "S21.G00.78", "S21.G00.79", "S21.G00.81", "S21.G00.86", "S21.G00.85", "S90.G00.90"], order);
        // Every contribution of the payslip is in the file but the health cover (left to the software) and 142 (the employer's share of 131, written twice on purpose).
        var amounts = new List<(string Code, decimal Amount)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("S21.G00.81.001", StringComparison.Ordinal))
            {
                var amount = lines.Skip(i + 1).First(l => l.StartsWith("S21.G00.81.004", StringComparison.Ordinal));
                amounts.Add((lines[i][16..^1], decimal.Parse(amount[16..^1], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        var health = 40m;   // 20 € employee + 20 € employer in the model's default health cover
        var declared = amounts.Where(a => a.Code != "142").Sum(a => a.Amount);
        Assert.True(Math.Abs(payslip.EmployeeContributions + payslip.EmployerContributions - health - declared) <= 0.05m, $"declared {declared}, payslip {payslip.EmployeeContributions} + {payslip.EmployerContributions}");
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "employers.dsn-file" && e.RecordId == firm.ToString())));

        // The firm's owner and an expert who does not follow the firm have no DSN.
        var stranger = await EmployersPages.CreateExpertAsync(Factory);
        using var strangerClient = await Factory.SignedInClientAsync(stranger.Email);
        using var hidden = await strangerClient.GetAsync($"/employeurs/{firm}/dsn");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var hiddenData = await strangerClient.GetAsync($"/employeurs/salaries/{employee.Id}/dsn");
        Assert.Equal(HttpStatusCode.NotFound, hiddenData.StatusCode);
    }
}

public sealed class SqliteDeclarationTests(SqliteFactory factory) : DeclarationTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDeclarationTests(PostgresFactory factory) : DeclarationTests(factory), IClassFixture<PostgresFactory>;
