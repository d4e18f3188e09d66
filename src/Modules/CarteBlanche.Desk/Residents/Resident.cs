using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Desk.Residents;

public enum ContactChannel
{
    InPerson,
    Phone,
    Email,
    Sms,
    Letter,
}

/// <summary>A resident (usager). Identifiers (NIR, CAF, France Travail) are stored encrypted.</summary>
public sealed class Resident
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? BirthName { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? PostalAddress { get; set; }
    public ContactChannel PreferredChannel { get; set; } = ContactChannel.Phone;
    public string? CommuneInseeCode { get; set; }
    public string? NirEncrypted { get; set; }
    public string? CafNumberEncrypted { get; set; }
    public string? FranceTravailIdEncrypted { get; set; }
    /// <summary>Folded "last first birth" names, for accent- and case-free search on every database.</summary>
    public string SearchName { get; set; } = "";
    /// <summary>Phone digits only (0612345678), for search.</summary>
    public string? PhoneDigits { get; set; }
    /// <summary>The site where the resident was first received.</summary>
    public Guid SiteId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }

    public string FullName => $"{FirstName} {LastName}";

    public void RefreshSearchFields()
    {
        SearchName = SearchText.Fold($"{LastName} {FirstName} {BirthName}");
        PhoneDigits = Phone == null ? null : new string(Phone.Where(char.IsAsciiDigit).ToArray());
    }
}

/// <summary>What was said to or heard from the resident, by which channel, when (contact history).</summary>
public sealed class ContactRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ResidentId { get; set; }
    public Guid? CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public ContactChannel Channel { get; set; }
    public required string Summary { get; set; }
    public Guid AgentId { get; set; }
    public Guid? OutboxMessageId { get; set; }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.ToTable("desk_residents");
        b.Property(r => r.FirstName).HasMaxLength(100);
        b.Property(r => r.LastName).HasMaxLength(100);
        b.Property(r => r.BirthName).HasMaxLength(100);
        b.Property(r => r.Phone).HasMaxLength(30);
        b.Property(r => r.PhoneDigits).HasMaxLength(30);
        b.Property(r => r.Email).HasMaxLength(254);
        b.Property(r => r.PostalAddress).HasMaxLength(400);
        b.Property(r => r.PreferredChannel).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.CommuneInseeCode).HasMaxLength(5);
        b.Property(r => r.SearchName).HasMaxLength(320);
        b.Property(r => r.NirEncrypted).HasMaxLength(500);
        b.Property(r => r.CafNumberEncrypted).HasMaxLength(500);
        b.Property(r => r.FranceTravailIdEncrypted).HasMaxLength(500);
        b.Ignore(r => r.FullName);
        b.HasIndex(r => r.SearchName);
        b.HasIndex(r => r.BirthDate);
        b.HasIndex(r => r.PhoneDigits);
        b.HasOne<Commune>().WithMany().HasForeignKey(r => r.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Place>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactRecordConfiguration : IEntityTypeConfiguration<ContactRecord>
{
    public void Configure(EntityTypeBuilder<ContactRecord> b)
    {
        b.ToTable("desk_contact_records");
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Summary).HasMaxLength(4000);
        b.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ResidentId, c.At });
    }
}
