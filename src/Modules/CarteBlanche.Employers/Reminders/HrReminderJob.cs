using System.Text;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Jobs;
using CarteBlanche.Platform.Notifications;
using CarteBlanche.Platform.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Employers.Reminders;

/// <summary>
/// Reminds each firm's HR experts of its deadlines by e-mail, a set number of working days before each (French
/// business calendar: 2 for a DPAE, 5 for the DSN, 10 for a CDD's end, 20 for interviews and visits), and of those
/// already late. One e-mail per expert and firm per run; each deadline is reminded once: its key is recorded in the
/// same transaction as the e-mails, so a second run, or a second instance, sends nothing twice.
/// </summary>
public sealed partial class HrReminderJob(CarteBlancheDbContext db, Outbox outbox, FrenchBusinessCalendar calendar, ParisClock clock, IOptions<AppOptions> appOptions,
    ILogger<HrReminderJob> logger) : IRecurringJob
{
    public string Name => "employers.reminders";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var baseUrl = string.IsNullOrWhiteSpace(appOptions.Value.PublicUrl) ? "http://localhost:5080" : appOptions.Value.PublicUrl.TrimEnd('/');
        var firms = await db.Set<Firm>().AsNoTracking().Where(f => f.Stage != EnrolmentStage.Left).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        foreach (var firm in firms)
        {
            try
            {
                await RemindAsync(firm, today, baseUrl, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One firm's trouble does not stop the others' reminders; nothing personal in the log line.
                LogFirmFailed(logger, firm.Id, e);
            }
        }
    }

    private async Task RemindAsync(Firm firm, DateOnly today, string baseUrl, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var sent = (await db.Set<HrReminderSent>().Where(r => r.FirmId == firm.Id).Select(r => r.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var due = (await HrDeadlines.ForFirmAsync(db, firm, today, cancellationToken))
            .Where(d => !sent.Contains(d.Key) && calendar.WorkingDaysBetween(today, d.Due) <= d.LeadWorkingDays).ToList();
        if (due.Count == 0)
        {
            return;
        }
        var experts = await db.Set<FirmExpert>().Where(e => e.FirmId == firm.Id)
            .Join(db.Users.Where(u => u.IsActive && u.Email != null), e => e.AccountId, u => u.Id, (e, u) => u.Email!).ToListAsync(cancellationToken);
        if (experts.Count == 0)
        {
            // Nobody to remind yet: kept for when an expert follows the firm.
            return;
        }
        var body = new StringBuilder($"Bonjour,\n\nÉchéances RH de {firm.Name} :\n\n");
        foreach (var deadline in due)
        {
            body.Append("- ").Append(HrDeadlines.Describe(deadline, today)).Append('\n').Append("  ").Append(baseUrl).Append(deadline.Link).Append('\n');
            db.Add(new HrReminderSent { FirmId = firm.Id, Key = deadline.Key, Due = deadline.Due, SentAt = clock.Now });
        }
        body.Append("\nVous recevez ce rappel parce que vous suivez cette entreprise pour le service RH. Chaque échéance n'est rappelée qu'une fois.\n");
        foreach (var email in experts)
        {
            outbox.QueueEmail(email, $"Carte Blanche : {due.Count} échéance{(due.Count > 1 ? "s" : "")} RH pour {firm.Name}", body.ToString());
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance reminded the same deadline meanwhile (unique key): its e-mails are the ones sent.
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "HR reminders failed for firm {FirmId}")]
    private static partial void LogFirmFailed(ILogger logger, Guid firmId, Exception exception);
}
