using CarteBlanche.Employers.Staff;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Career;

public enum InterviewKind
{
    /// <summary>The professional interview (« entretien de parcours professionnel » since loi 2025-989).</summary>
    Professional,
    /// <summary>The recap of the employee's path (« état des lieux récapitulatif »).</summary>
    Recap,
}

/// <summary>An interview held with an employee, and its date.</summary>
public sealed class ProfessionalInterview
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public Guid EmployeeId { get; set; }
    public InterviewKind Kind { get; set; }
    public DateOnly HeldOn { get; set; }
    /// <summary>What was agreed (training asked, wishes), in a few words; the document itself is given to the employee.</summary>
    public string? Summary { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }
}

internal sealed class ProfessionalInterviewConfiguration : IEntityTypeConfiguration<ProfessionalInterview>
{
    public void Configure(EntityTypeBuilder<ProfessionalInterview> b)
    {
        b.ToTable("employers_professional_interviews");
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Summary).HasMaxLength(1000);
        b.HasIndex(i => i.EmployeeId);
        b.HasOne<Employee>().WithMany().HasForeignKey(i => i.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Firms.Firm>().WithMany().HasForeignKey(i => i.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(i => i.RecordedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A deadline and the rule it comes from, in words.</summary>
public sealed record InterviewDue(InterviewKind Kind, DateOnly Due, string Rule);

/// <summary>
/// When an employee's next professional interview and recap are due (art. L6315-1 of the labour code).
/// Before 1 October 2026 (loi 2014-288): an interview every 2 years from the hiring or the last one, a recap every
/// 6 years of service. Since 1 October 2026 (loi 2025-989): a first interview within the year after the hiring, then
/// every 4 years after the last one, a recap every 8 years of service.
/// Our reading of the change-over, for a newcomer to question: a deadline the former rule set before 1 October 2026
/// stands (it fell due under that rule); otherwise the new rule's, unless it would fall before 1 October 2026 — the new
/// rule cannot make a deadline fall before it applied, so the former rule's date stands then.
/// Collective agreements may shorten the periods; none is taken into account here.
/// </summary>
public static class ProfessionalInterviewRules
{
    /// <summary>The day loi 2025-989's periods apply (the reading: 1 October 2026).</summary>
    public static readonly DateOnly NewRuleFrom = new(2026, 10, 1);

    public static InterviewDue NextInterview(DateOnly hiredOn, DateOnly? lastInterview)
    {
        var former = (lastInterview ?? hiredOn).AddYears(2);
        if (former < NewRuleFrom)
        {
            return new(InterviewKind.Professional, former, lastInterview == null
                ? "tous les 2 ans à compter de l'embauche (règle d'avant le 1er octobre 2026)"
                : "2 ans après le dernier entretien (règle d'avant le 1er octobre 2026)");
        }
        var current = lastInterview is { } last ? last.AddYears(4) : hiredOn.AddYears(1);
        if (current < NewRuleFrom)
        {
            return new(InterviewKind.Professional, former, "2 ans après l'embauche ou le dernier entretien (règle d'avant le 1er octobre 2026, l'échéance de la loi 2025-989 tombant avant son entrée en vigueur)");
        }
        return new(InterviewKind.Professional, current, lastInterview == null
            ? "dans l'année qui suit l'embauche (loi 2025-989)"
            : "4 ans après le dernier entretien (loi 2025-989)");
    }

    /// <summary>The next recap of the employee's path after <paramref name="lastRecap"/> (or the hiring).</summary>
    public static InterviewDue NextRecap(DateOnly hiredOn, DateOnly? lastRecap)
    {
        var from = lastRecap ?? hiredOn;
        var former = from.AddYears(6);
        if (former < NewRuleFrom)
        {
            return new(InterviewKind.Recap, former, "tous les 6 ans d'ancienneté (règle d'avant le 1er octobre 2026)");
        }
        var current = from.AddYears(8);
        return new(InterviewKind.Recap, current, "tous les 8 ans d'ancienneté (loi 2025-989)");
    }
}
