using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Desk.Procedures;

public enum SuggestionStatus
{
    Pending,
    Published,
    Rejected,
}

/// <summary>An agent's proposed edit of a procedure; a coordinator publishes it (the procedure changes) or rejects it.</summary>
public sealed class ProcedureSuggestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcedureId { get; set; }
    public Guid AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
    public string Documents { get; set; } = "";
    public string Eligibility { get; set; } = "";
    public string Tips { get; set; } = "";
    public string? Comment { get; set; }
    public SuggestionStatus Status { get; set; } = SuggestionStatus.Pending;
    public Guid? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public string? Publish(Procedure procedure, Guid coordinatorId, DateTimeOffset now)
    {
        if (Status != SuggestionStatus.Pending)
        {
            return "Cette proposition a déjà été traitée.";
        }
        procedure.Title = Title;
        procedure.Url = Url;
        procedure.Documents = Documents;
        procedure.Eligibility = Eligibility;
        procedure.Tips = Tips;
        procedure.RefreshSearchText();
        Status = SuggestionStatus.Published;
        DecidedBy = coordinatorId;
        DecidedAt = now;
        return null;
    }

    public string? Reject(Guid coordinatorId, DateTimeOffset now)
    {
        if (Status != SuggestionStatus.Pending)
        {
            return "Cette proposition a déjà été traitée.";
        }
        Status = SuggestionStatus.Rejected;
        DecidedBy = coordinatorId;
        DecidedAt = now;
        return null;
    }
}

internal sealed class ProcedureSuggestionConfiguration : IEntityTypeConfiguration<ProcedureSuggestion>
{
    public void Configure(EntityTypeBuilder<ProcedureSuggestion> b)
    {
        b.ToTable("desk_procedure_suggestions");
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.Url).HasMaxLength(500);
        b.Property(s => s.Documents).HasMaxLength(4000);
        b.Property(s => s.Eligibility).HasMaxLength(2000);
        b.Property(s => s.Tips).HasMaxLength(2000);
        b.Property(s => s.Comment).HasMaxLength(1000);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Procedure>().WithMany().HasForeignKey(s => s.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.Status);
    }
}
