using CarteBlanche.Employers.Reminders;
using CarteBlanche.Employers.Staff;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Employers;

/// <summary>A firm's deadlines on its page and the experts' reminders by e-mail, once each; on SQLite and PostgreSQL.</summary>
public abstract class ReminderTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    private async Task RunJobAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HrReminderJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Late_and_coming_deadlines_show_on_the_firm_page_and_reach_its_experts_once_without_the_employees_full_name()
    {
        using var expert = await Factory.SignedInClientAsync(DemoData.EmailFor(Roles.HrExpert));
        var siret = EmployersPages.NewSiret();
        var name = $"Coutellerie de Puy-l'Évêque {siret[..5]}";
        var firm = await EmployersPages.EnrolAsync(expert, name, siret);
        (await EmployersPages.AddEmployeeAsync(expert, firm, "Cdi", "2026-01-05", "", "2 000,00")).Dispose();
        var employee = await Factory.WithDbAsync(db => db.Set<Employee>().SingleAsync(e => e.FirmId == firm));

        using (var page = await expert.GetAsync($"/employeurs/{firm}"))
        {
            var html = EmployersPages.Decode(await page.ReadPageAsync());
            // No visit since the hiring on 5 January: due within 3 months, late.
            Assert.Contains($"Visite d'information et de prévention de Jeanne P. : en retard, depuis le 05/04/2026", html, StringComparison.Ordinal);
        }

        await RunJobAsync();
        var mails = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains(name)).ToListAsync());
        var mail = Assert.Single(mails);
        Assert.Equal(DemoData.EmailFor(Roles.HrExpert), mail.Recipient);
        Assert.Contains("Visite d'information et de prévention de Jeanne P. : en retard, depuis le 05/04/2026", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"/employeurs/salaries/{employee.Id}", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(employee.LastName, mail.Body, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.Set<HrReminderSent>().AnyAsync(r => r.FirmId == firm && r.Key.StartsWith("visit:"))));

        // Each deadline once: a second run sends nothing more.
        await RunJobAsync();
        Assert.Equal(1, await Factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.Contains(name))));
    }
}

public sealed class SqliteReminderTests(SqliteFactory factory) : ReminderTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTests(PostgresFactory factory) : ReminderTests(factory), IClassFixture<PostgresFactory>;
