using CarteBlanche.Platform.Calendar;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Platform.Results;

/// <summary>Where a free comment stands: nothing is shown in the results before a coordinator has read it.</summary>
public enum CommentReview
{
    None,
    Pending,
    Published,
    Rejected,
}

/// <summary>
/// One resident's (or firm's) answer to « Êtes-vous satisfait ? », whatever the solution: the desk's survey at
/// closing, a bus visit's paper form typed by the crew, a mobility ride's call-back, a firm's opinion. The answers
/// of every solution live here so that the results and the comments' review are one. No name: the solution, the
/// site when there is one, the day, the score and the comment.
/// </summary>
public sealed class SatisfactionAnswer
{
    public const int CommentMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The solution's results slug: guichet, car, mobilite, employeurs.</summary>
    public required string Solution { get; set; }
    /// <summary>The desk's site (place), when the solution has sites.</summary>
    public Guid? SiteId { get; set; }
    /// <summary>What the answer is about (case, passage, ride, firm), to find it again; never shown.</summary>
    public Guid? SourceId { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>1 (pas du tout satisfait) to 5 (très satisfait).</summary>
    public int Score { get; set; }
    public string? Comment { get; set; }
    public CommentReview Review { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public Guid? ReviewedBy { get; set; }
    /// <summary>How it was given: « Questionnaire en ligne », « Formulaire papier », « Par téléphone »…</summary>
    public required string Channel { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class SatisfactionAnswerConfiguration : IEntityTypeConfiguration<SatisfactionAnswer>
{
    public void Configure(EntityTypeBuilder<SatisfactionAnswer> b)
    {
        b.ToTable("platform_satisfaction_answers");
        b.Property(a => a.Solution).HasMaxLength(20);
        b.Property(a => a.Channel).HasMaxLength(40);
        b.Property(a => a.Comment).HasMaxLength(SatisfactionAnswer.CommentMaxLength);
        b.HasIndex(a => new { a.Solution, a.Day });
        b.HasIndex(a => new { a.Review, a.RecordedAt });
    }
}

/// <summary>Records satisfaction answers and reads them back as results.</summary>
public sealed class SatisfactionAnswers(CarteBlancheDbContext db, TimeProvider timeProvider)
{
    /// <summary>Checks and adds an answer to the context (the caller saves it with its own changes); null when added, else why not (French).</summary>
    public string? Add(string solution, Guid? siteId, Guid? sourceId, DateOnly day, int score, string? comment, string channel)
    {
        if (score is < 1 or > 5)
        {
            return "Choisissez une note de 1 à 5.";
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > SatisfactionAnswer.CommentMaxLength })
        {
            return $"Le commentaire dépasse {SatisfactionAnswer.CommentMaxLength} caractères.";
        }
        db.Add(new SatisfactionAnswer
        {
            Solution = solution,
            SiteId = siteId,
            SourceId = sourceId,
            Day = day,
            Score = score,
            Comment = comment,
            Review = comment == null ? CommentReview.None : CommentReview.Pending,
            Channel = channel,
            RecordedAt = timeProvider.GetUtcNow(),
        });
        return null;
    }

    /// <summary>The average score per month of the period, with the number of answers as its basis.</summary>
    public async Task<ResultSeries> MonthlyAsync(string solution, string label, YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var (first, last) = (from.FirstDay, to.LastDay);
        var answers = await db.Set<SatisfactionAnswer>().AsNoTracking().Where(a => a.Solution == solution && a.Day >= first && a.Day <= last)
            .Select(a => new { a.Day, a.Score }).ToListAsync(cancellationToken);
        return new ResultSeries(label, YearMonth.Range(from, to).Select(m => answers.Where(a => m.Contains(a.Day)).Select(a => a.Score).ToList())
            .Select(scores => ResultValue.Of(scores.Count == 0 ? null : scores.Average(), scores.Count)).ToList());
    }

    /// <summary>Per site (place) over the whole period: answers and average score; sites without answers are left out.</summary>
    public async Task<ResultBreakdown> BySiteAsync(string solution, YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var (first, last) = (from.FirstDay, to.LastDay);
        var rows = await (from a in db.Set<SatisfactionAnswer>().AsNoTracking()
                          join p in db.Places on a.SiteId equals p.Id
                          where a.Solution == solution && a.Day >= first && a.Day <= last
                          group a by p.Name into g
                          select new { Site = g.Key, Count = g.Count(), Average = g.Average(a => (double)a.Score) }).ToListAsync(cancellationToken);
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true);
        return new ResultBreakdown("satisfaction-lieux", "Satisfaction par lieu d'accueil", "Lieu",
            [("Réponses", ResultUnit.Count), ("Note moyenne", ResultUnit.Rating)],
            rows.OrderBy(r => r.Site, french).Select(r => (r.Site, (IReadOnlyList<ResultValue>)[ResultValue.Count(r.Count), ResultValue.Of(r.Average, r.Count)])).ToList());
    }

    /// <summary>The latest published comments of a solution in the period, newest first.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, int Score, string Comment)>> PublishedCommentsAsync(string solution, YearMonth from, YearMonth to, int count, CancellationToken cancellationToken)
    {
        var (first, last) = (from.FirstDay, to.LastDay);
        var rows = await db.Set<SatisfactionAnswer>().AsNoTracking()
            .Where(a => a.Solution == solution && a.Review == CommentReview.Published && a.Day >= first && a.Day <= last)
            .OrderByDescending(a => a.Day).ThenByDescending(a => a.RecordedAt).Take(count)
            .Select(a => new { a.Day, a.Score, a.Comment }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Day, r.Score, r.Comment!)).ToList();
    }
}
