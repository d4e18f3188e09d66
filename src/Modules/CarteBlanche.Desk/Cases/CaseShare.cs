using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Desk.Cases;

/// <summary>A case explicitly shared with an agent or social worker of another site (e.g. the bus crew's social worker).</summary>
public sealed class CaseShare
{
    public Guid CaseId { get; set; }
    public Guid AccountId { get; set; }
    public Guid SharedBy { get; set; }
    public DateTimeOffset SharedAt { get; set; }
}

internal sealed class CaseShareConfiguration : IEntityTypeConfiguration<CaseShare>
{
    public void Configure(EntityTypeBuilder<CaseShare> b)
    {
        b.ToTable("desk_case_shares");
        b.HasKey(s => new { s.CaseId, s.AccountId });
        b.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.AccountId);
    }
}
