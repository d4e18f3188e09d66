using System.Text;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Jobs;
using CarteBlanche.Platform.Notifications;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Network.Notifications;

/// <summary>
/// Once the day's digest hour has passed, sends each account that chose the daily digest one e-mail with what came
/// before it. Entries are marked sent in the same transaction as the e-mail: a second run sends nothing twice.
/// </summary>
public sealed class DigestJob(
    CarteBlancheDbContext db,
    Outbox outbox,
    FrenchBusinessCalendar calendar,
    TimeProvider timeProvider,
    IOptions<NetworkOptions> options) : IRecurringJob
{
    public string Name => "network.digest";
    public TimeSpan Interval => TimeSpan.FromMinutes(30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var local = calendar.ToLocalTime(now);
        var digestAt = calendar.FromLocalTime(local.Date.AddHours(options.Value.DigestHour));
        if (now < digestAt)
        {
            return;
        }
        var accounts = await db.Set<DigestEntry>().Where(e => e.SentAt == null && e.CreatedAt < digestAt)
            .Select(e => e.AccountId).Distinct().ToListAsync(cancellationToken);
        foreach (var accountId in accounts)
        {
            db.ChangeTracker.Clear();
            var entries = await db.Set<DigestEntry>().Where(e => e.AccountId == accountId && e.SentAt == null && e.CreatedAt < digestAt)
                .OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
            var email = await db.Users.Where(u => u.Id == accountId && u.IsActive).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            if (email != null)
            {
                var body = new StringBuilder("Bonjour,\n\nVoici ce qui s'est passé sur vos sollicitations depuis le dernier récapitulatif :\n\n");
                foreach (var entry in entries)
                {
                    body.Append("- ").Append(entry.Subject).Append('\n').Append("  ").Append(entry.Link).Append('\n');
                }
                body.Append("\nVous recevez ce récapitulatif quotidien parce que vous l'avez choisi dans le menu « Sollicitations », lien « Mes notifications ».\n");
                outbox.QueueEmail(email, $"Carte Blanche : votre récapitulatif du jour ({entries.Count} notification{(entries.Count > 1 ? "s" : "")})", body.ToString());
            }
            foreach (var entry in entries)
            {
                entry.SentAt = now;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
