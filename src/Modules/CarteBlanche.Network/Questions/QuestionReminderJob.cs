using CarteBlanche.Platform.Jobs;
using CarteBlanche.Platform.Web;
using Microsoft.Extensions.Logging;

namespace CarteBlanche.Network.Questions;

/// <summary>
/// Every 5 minutes: reminds the referents of a question still awaiting their answer when half of the 48 working hours
/// of its current round is left and when the round is overdue, and escalates to the lead referents when overdue; a round
/// whose clock is stopped (the partner waits for the agent's information) is not reminded. Each reminder is a row whose
/// primary key (question, round, kind) is inserted in the same transaction as its e-mails: two instances racing
/// for it send it once, whatever the job lease does.
/// </summary>
public sealed partial class QuestionReminderJob(
    CarteBlancheDbContext db,
    QuestionWorkflow workflow,
    TimeProvider timeProvider,
    ILogger<QuestionReminderJob> logger) : IRecurringJob
{
    public string Name => "network.reminders";
    public TimeSpan Interval => TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var awaiting = await (from q in db.Set<PartnerQuestion>().AsNoTracking()
                              join r in db.Set<QuestionRound>() on new { QuestionId = q.Id, Number = q.Round } equals new { r.QuestionId, r.Number }
                              where (q.State == QuestionState.Sent || q.State == QuestionState.Taken) && r.EndedAt == null && r.PausedAt == null && r.HalfTimeAt <= now
                              select new { q.Id, q.Round, r.HalfTimeAt, r.DueAt })
            .ToListAsync(cancellationToken);
        // The reminders already sent for these rounds, in one query rather than one per candidate.
        var ids = awaiting.Select(a => a.Id).ToList();
        var already = (await db.Set<QuestionReminder>().AsNoTracking().Where(r => ids.Contains(r.QuestionId))
                .Select(r => new { r.QuestionId, r.Round, r.Kind }).ToListAsync(cancellationToken))
            .Select(r => (r.QuestionId, r.Round, r.Kind)).ToHashSet();
        var sent = 0;
        foreach (var candidate in awaiting)
        {
            var due = new List<ReminderKind>();
            if (now >= candidate.DueAt)
            {
                due.Add(ReminderKind.Overdue);
                due.Add(ReminderKind.Escalation);
            }
            else if (now >= candidate.HalfTimeAt)
            {
                due.Add(ReminderKind.HalfTime);
            }
            foreach (var kind in due.Where(k => !already.Contains((candidate.Id, candidate.Round, k))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await SendAsync(candidate.Id, candidate.Round, kind, now, cancellationToken))
                {
                    sent++;
                }
            }
        }
        if (sent > 0)
        {
            LogSent(logger, sent);
        }
    }

    private async Task<bool> SendAsync(Guid questionId, int round, ReminderKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var question = await db.Set<PartnerQuestion>().AsNoTracking().SingleAsync(q => q.Id == questionId, cancellationToken);
        if (!question.AwaitsPartner || question.Round != round || question.Current.PausedAt != null)
        {
            return false;
        }
        var (subject, text) = kind switch
        {
            ReminderKind.HalfTime => ($"Rappel : sollicitation {question.Reference} à traiter avant le {FrenchFormat.Deadline(question.Current.DueAt)}",
                $"La moitié du délai de 48 heures ouvrées est écoulée pour la sollicitation {question.Reference} ({question.DomainLabel}). Réponse attendue au plus tard le {FrenchFormat.Deadline(question.Current.DueAt)}."),
            ReminderKind.Overdue => ($"Retard : sollicitation {question.Reference} sans réponse",
                $"Le délai de 48 heures ouvrées de la sollicitation {question.Reference} ({question.DomainLabel}) est dépassé depuis le {FrenchFormat.Deadline(question.Current.DueAt)}. L'agent et l'usager attendent votre réponse."),
            _ => ($"Escalade : sollicitation {question.Reference} en retard",
                $"En tant que référent principal, vous êtes prévenu(e) : la sollicitation {question.Reference} ({question.DomainLabel}) n'a pas reçu de réponse dans les 48 heures ouvrées (échéance : {FrenchFormat.Deadline(question.Current.DueAt)})."),
        };
        var recipients = await workflow.NotifyReferentsAsync(question, subject, text, cancellationToken, leadsOnly: kind == ReminderKind.Escalation);
        db.Add(new QuestionReminder { QuestionId = questionId, Round = round, Kind = kind, SentAt = now, Recipients = recipients });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            // Another instance sent this reminder first: its row is there, and our e-mails were not saved.
            if (!await db.Set<QuestionReminder>().AnyAsync(r => r.QuestionId == questionId && r.Round == round && r.Kind == kind, cancellationToken))
            {
                // Anything else is a failure someone must see; the other reminders still go, this one is tried again at the next run.
                LogReminderFailed(logger, questionId, round, kind, ex);
            }
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network reminder {Kind} of question {QuestionId}, round {Round}, not saved; tried again at the next run")]
    private static partial void LogReminderFailed(ILogger logger, Guid questionId, int round, ReminderKind kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network reminders: {Count} reminder(s) sent")]
    private static partial void LogSent(ILogger logger, int count);
}
