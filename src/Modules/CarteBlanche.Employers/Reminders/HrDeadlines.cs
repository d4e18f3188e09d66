using CarteBlanche.Employers.Career;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Recruitment;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Web;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Reminders;

public enum DeadlineKind
{
    Dpae,
    Dsn,
    CddEnd,
    Interview,
    Recap,
    MedicalVisit,
}

/// <summary>A firm's HR deadline: what, by when, where to act; its key names it once (a reminder is sent once per key).</summary>
public sealed record HrDeadline(string Key, DeadlineKind Kind, DateOnly Due, string What, string Link)
{
    /// <summary>Working days before the deadline when the firm's experts are reminded.</summary>
    public int LeadWorkingDays => Kind switch
    {
        DeadlineKind.Dpae => 2,
        DeadlineKind.Dsn => 5,
        DeadlineKind.CddEnd => 10,
        _ => 20,
    };
}

/// <summary>A reminder sent: one row per deadline's key, written in the same transaction as the e-mails.</summary>
public sealed class HrReminderSent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public required string Key { get; set; }
    public DateOnly Due { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class HrReminderSentConfiguration : IEntityTypeConfiguration<HrReminderSent>
{
    public void Configure(EntityTypeBuilder<HrReminderSent> b)
    {
        b.ToTable("employers_reminders_sent");
        b.Property(r => r.Key).HasMaxLength(120);
        b.HasIndex(r => new { r.FirmId, r.Key }).IsUnique();
        b.HasOne<Firm>().WithMany().HasForeignKey(r => r.FirmId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// A firm's coming HR deadlines, from its records: the DPAE of a hiring not yet declared (before the hiring), the
/// month's DSN (the 15th of the next month, the 5th from 50 employees), a CDD's end (its documents), the professional
/// interviews and recaps (ProfessionalInterviewRules), the occupational health visits (MedicalVisitRules).
/// </summary>
public static class HrDeadlines
{
    public static async Task<IReadOnlyList<HrDeadline>> ForFirmAsync(CarteBlancheDbContext db, Firm firm, DateOnly today, CancellationToken cancellationToken)
    {
        var deadlines = new List<HrDeadline>();
        var hirings = await db.Set<Hiring>().AsNoTracking().Where(h => h.FirmId == firm.Id && (h.DpaeDeclaredOn == null || h.DpaeReceipt == null || h.DpaeReceipt == "")).ToListAsync(cancellationToken);
        deadlines.AddRange(hirings.Select(h => new HrDeadline($"dpae:{h.Id:N}", DeadlineKind.Dpae, h.HireDate,
            $"DPAE de {Short(h.EmployeeFirstNames, h.EmployeeLastName)}, avant l'embauche", $"/employeurs/embauches/{h.Id}")));

        var contracts = (await db.Set<EmploymentContract>().AsNoTracking().Where(c => c.FirmId == firm.Id).ToListAsync(cancellationToken)).OrderBy(c => c.Start).ToList();
        var ended = (await db.Set<ContractEnd>().AsNoTracking().Where(e => e.FirmId == firm.Id).Select(e => e.ContractId).ToListAsync(cancellationToken)).ToHashSet();
        var employees = await db.Set<Employee>().AsNoTracking().Where(e => e.FirmId == firm.Id).ToDictionaryAsync(e => e.Id, cancellationToken);
        var interviews = await db.Set<ProfessionalInterview>().AsNoTracking().Where(i => i.FirmId == firm.Id).ToListAsync(cancellationToken);
        var visits = await db.Set<MedicalVisit>().AsNoTracking().Where(v => v.FirmId == firm.Id).ToListAsync(cancellationToken);

        // The DSN: the month just ended until its deadline, then the current month.
        var dayOfMonth = firm.Headcount >= 50 ? 5 : 15;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(today.Day <= dayOfMonth ? -1 : 0);
        if (contracts.Any(c => c.Covers(month.Year, month.Month)))
        {
            deadlines.Add(new HrDeadline($"dsn:{month:yyyy-MM}", DeadlineKind.Dsn, month.AddMonths(1).AddDays(dayOfMonth - 1),
                $"DSN de {Labels.Month(month.Year, month.Month)}", $"/employeurs/{firm.Id}/dsn?mois={month:yyyy-MM}"));
        }

        foreach (var group in contracts.GroupBy(c => c.EmployeeId))
        {
            var employee = employees[group.Key];
            var current = group.Last();
            if (ended.Contains(current.Id) || current.End is { } end && end < today)
            {
                continue;
            }
            var name = Short(employee.FirstName, employee.LastName);
            var link = $"/employeurs/salaries/{employee.Id}";
            if (current.Kind == ContractKind.Cdd && current.End is { } cddEnd)
            {
                deadlines.Add(new HrDeadline($"cdd-end:{current.Id:N}", DeadlineKind.CddEnd, cddEnd, $"Fin du CDD de {name} : documents de fin de contrat", $"{link}/fin-de-contrat"));
            }
            var hired = group.First().Start;
            var mine = interviews.Where(i => i.EmployeeId == employee.Id).ToList();
            var interview = ProfessionalInterviewRules.NextInterview(hired, mine.Where(i => i.Kind == InterviewKind.Professional).Select(i => (DateOnly?)i.HeldOn).Max());
            deadlines.Add(new HrDeadline($"interview:{employee.Id:N}:{interview.Due:yyyyMMdd}", DeadlineKind.Interview, interview.Due, $"Entretien de parcours professionnel de {name}", link));
            var recap = ProfessionalInterviewRules.NextRecap(hired, mine.Where(i => i.Kind == InterviewKind.Recap).Select(i => (DateOnly?)i.HeldOn).Max());
            deadlines.Add(new HrDeadline($"recap:{employee.Id:N}:{recap.Due:yyyyMMdd}", DeadlineKind.Recap, recap.Due, $"État des lieux récapitulatif de {name}", link));
            foreach (var visit in MedicalVisitRules.Due(hired, employee.BirthDate, visits.Where(v => v.EmployeeId == employee.Id).ToList()))
            {
                deadlines.Add(new HrDeadline($"visit:{employee.Id:N}:{visit.Kind}:{visit.Due:yyyyMMdd}", DeadlineKind.MedicalVisit, visit.Due, $"{Labels.Of(visit.Kind)} de {name}", link));
            }
        }
        return deadlines.OrderBy(d => d.Due).ThenBy(d => d.What, StringComparer.Ordinal).ToList();
    }

    /// <summary>« Jeanne P. »: enough for the firm's experts to know whom, no more in an e-mail.</summary>
    public static string Short(string firstName, string lastName) => $"{firstName} {(lastName.Length > 0 ? lastName[..1] + "." : "")}";

    public static string Describe(HrDeadline deadline, DateOnly today) =>
        $"{deadline.What} : {(deadline.Due < today ? "en retard, depuis le" : "avant le")} {FrenchFormat.Date(deadline.Due)}";
}
