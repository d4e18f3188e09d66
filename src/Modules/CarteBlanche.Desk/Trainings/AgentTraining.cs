using CarteBlanche.Desk.Cases;
using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Desk.Trainings;

/// <summary>A training an agent followed (15 days across DDFiP, CPAM, Pôle emploi, CAF... in 2018): by whom, on what, how long.</summary>
public sealed class AgentTraining
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AccountId { get; set; }
    public Guid TrainerOrganisationId { get; set; }
    public NeedDomain Domain { get; set; }
    public decimal Hours { get; set; }
    public DateOnly On { get; set; }
}

internal sealed class AgentTrainingConfiguration : IEntityTypeConfiguration<AgentTraining>
{
    public void Configure(EntityTypeBuilder<AgentTraining> b)
    {
        b.ToTable("desk_agent_trainings");
        b.Property(t => t.Domain).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.Hours).HasPrecision(6, 1);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.TrainerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.AccountId);
    }
}
