using System.Globalization;
using System.Text.RegularExpressions;
using CarteBlanche.Employers.Firms;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Evaluation;

/// <summary>Time an HR expert spent for a firm on one of the service's functions, on a day (the experiment's main cost).</summary>
public sealed class TimeEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>One function (never a combination).</summary>
    public HrFunctions Function { get; set; }
    public DateOnly Day { get; set; }
    public int Minutes { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A firm's opinion of the service at a date: satisfaction, and how much it would pay a month to keep it.</summary>
public sealed class FirmFeedback
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>1 (pas du tout satisfait) to 5 (très satisfait).</summary>
    public int Satisfaction { get; set; }
    /// <summary>What the firm would pay a month to keep the service: 0 when it would not co-finance it.</summary>
    public decimal CoFinancingPerMonth { get; set; }
    public string? Comment { get; set; }
    /// <summary>Given by the owner in the product, or gathered by an expert (on the phone, at a visit).</summary>
    public bool GivenByFirm { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<TimeEntry>, IEntityTypeConfiguration<FirmFeedback>
{
    public void Configure(EntityTypeBuilder<TimeEntry> b)
    {
        b.ToTable("employers_time_entries");
        b.Property(t => t.Function).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Note).HasMaxLength(300);
        b.HasIndex(t => new { t.FirmId, t.Day });
        b.HasIndex(t => new { t.AccountId, t.Day });
        b.HasOne<Firm>().WithMany().HasForeignKey(t => t.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FirmFeedback> b)
    {
        b.ToTable("employers_firm_feedback");
        b.Property(f => f.CoFinancingPerMonth).HasPrecision(10, 2);
        b.Property(f => f.Comment).HasMaxLength(1000);
        b.HasIndex(f => new { f.FirmId, f.Day });
        b.HasOne<Firm>().WithMany().HasForeignKey(f => f.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(f => f.RecordedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Durations as people type them: « 1 h 30 », « 1h30 », « 45 min », « 2 h », « 1,5 » (hours).</summary>
public static partial class Duration
{
    /// <summary>The longest entry for one day: a working day and a half.</summary>
    public const int MaxMinutes = 12 * 60;

    public static bool TryParseMinutes(string? text, out int minutes)
    {
        minutes = 0;
        var value = (text ?? "").Trim().ToLowerInvariant().Replace('\u202f', ' ').Replace('\u00a0', ' ');
        if (value.Length == 0)
        {
            return false;
        }
        if (HoursMinutes().Match(value) is { Success: true } hm)
        {
            var m = hm.Groups["m"].Success ? int.Parse(hm.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (m >= 60)
            {
                return false;
            }
            minutes = (int.Parse(hm.Groups["h"].Value, CultureInfo.InvariantCulture) * 60) + m;
        }
        else if (OnlyMinutes().Match(value) is { Success: true } om)
        {
            minutes = int.Parse(om.Groups["m"].Value, CultureInfo.InvariantCulture);
        }
        else if (FrenchNumber.TryParse(value, out var hours) && hours >= 0 && hours < 1000)
        {
            minutes = (int)Math.Round(hours * 60m, MidpointRounding.AwayFromZero);
        }
        else
        {
            return false;
        }
        return minutes > 0;
    }

    /// <summary>« 1 h 30 », « 45 min », « 2 h ».</summary>
    public static string Format(int minutes) =>
        minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60:D2}";

    [GeneratedRegex(@"^(?<h>\d{1,3})\s*h\s*(?:(?<m>\d{1,2})\s*(?:min)?)?$")]
    private static partial Regex HoursMinutes();

    [GeneratedRegex(@"^(?<m>\d{1,4})\s*(?:min|mn|minutes?)$")]
    private static partial Regex OnlyMinutes();
}
