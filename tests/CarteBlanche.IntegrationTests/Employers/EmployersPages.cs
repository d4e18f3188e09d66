using System.Net;
using CarteBlanche.Employers.Firms;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.IntegrationTests.Employers;

/// <summary>What the Employers tests read pages with.</summary>
internal static class EmployersPages
{
    /// <summary>The page's text as a person reads it: entities decoded, French number spaces as plain spaces.</summary>
    public static string Decode(string html) => WebUtility.HtmlDecode(html).Replace('\u202F', ' ').Replace('\u00A0', ' ');

    /// <summary>The test app runs on the real clock: today in Paris.</summary>
    public static DateOnly Today => ParisClock.DayOf(DateTimeOffset.UtcNow);

    public static List<KeyValuePair<string, string>> FirmFields(string name, string siret) =>
    [
        new("Form.Name", name), new("Form.Siret", siret), new("Form.NafCode", "4724z"), new("Form.Headcount", "5"), new("Form.Idcc", "843"),
        new("Form.AgreementName", "Boulangerie-pâtisserie"), new("Form.Address", "3 place de l'église"), new("Form.Commune", "46073"),
        new("Form.ContactName", "Paul Fournil"), new("Form.ContactPhone", "05 36 49 00 99"), new("Form.ContactEmail", ""), new("Form.EnrolledOn", Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public static async Task<Guid> EnrolAsync(HttpClient expert, string name, string siret)
    {
        using var enrolled = await Html.PostFormAsync(expert, "/employeurs/inscrire", FirmFields(name, siret));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Contains(name, Decode(await enrolled.ReadPageAsync()), StringComparison.Ordinal);
        return Guid.Parse(enrolled.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
    }

    /// <summary>A unique Luhn-valid SIRET (made up: SIREN 8xx xxx xxx).</summary>
    public static string NewSiret()
    {
        var digits = "8" + Random.Shared.NextInt64(0, 1_000_000_000_000L).ToString("D12");
        for (var key = 0; key < 10; key++)
        {
            if (Siret.IsValid(digits + key))
            {
                return digits + key;
            }
        }
        throw new InvalidOperationException("no key");
    }

    /// <summary>A new HR expert account (of the demo expert's organisation), following no firm yet.</summary>
    public static Task<(Guid Id, string Email, string Name)> CreateExpertAsync(CarteBlancheFactory factory) =>
        factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var hugo = await users.FindByEmailAsync(DemoData.EmailFor(Roles.HrExpert));
            var email = $"expert-{Guid.NewGuid():N}@test.carteblanche.fr";
            var account = new Account { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Éva Experte", OrganisationId = hugo!.OrganisationId };
            var created = await users.CreateAsync(account, CarteBlancheFactory.DemoPassword);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(account, Roles.HrExpert);
            return (account.Id, email, account.DisplayName);
        });

    public static async Task<HttpResponseMessage> AddEmployeeAsync(HttpClient expert, Guid firm, string kind, string start, string end, string gross, string hours = "35", string reason = "") =>
        await Html.PostFormAsync(expert, $"/employeurs/{firm}/salaries/nouveau",
        [
            new("Form.FirstName", "Jeanne"), new("Form.LastName", $"Pétrin {Guid.NewGuid().ToString()[..6]}"), new("Form.BirthDate", "1990-04-12"),
            new("Form.Sex", "F"), new("Form.Nationality", "Française"),
            new("Form.Kind", kind), new("Form.JobTitle", "Boulangère"), new("Form.Start", start), new("Form.End", end), new("Form.CddReason", reason),
            new("Form.WeeklyHours", hours), new("Form.MonthlyGross", gross),
        ]);

    public static async Task<HttpResponseMessage> PayslipAsync(HttpClient expert, Guid firm, Guid employee, string month, string handler, string overtime = "0", string unpaid = "0") =>
        await Html.PostFormAsync(expert, $"/employeurs/{firm}/bulletins/nouveau",
            [new("EmployeeId", employee.ToString()), new("Month", month), new("OvertimeHours", overtime), new("UnpaidHours", unpaid)],
            $"/employeurs/{firm}/bulletins/nouveau?handler={handler}");
}
