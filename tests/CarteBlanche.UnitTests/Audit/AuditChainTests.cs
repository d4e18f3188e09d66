using CarteBlanche.Platform.Audit;
using Xunit;

namespace CarteBlanche.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static AuditEntry Entry() => new()
    {
        Sequence = 42,
        OccurredAt = new DateTimeOffset(2026, 3, 14, 9, 30, 15, 123, TimeSpan.FromHours(1)),
        ActorId = Guid.Parse("6f1c2b1e-7d7a-4c4e-9a52-1f0b2d3c4e5f"),
        ActorOrganisationId = Guid.Parse("0a1b2c3d-4e5f-6789-abcd-ef0123456789"),
        Action = "resident.read",
        RecordType = "Resident",
        RecordId = "1234",
        ClientAddress = "192.0.2.10",
        Purpose = "resident-reception",
        PreviousHash = new string('a', 64),
        Hash = "",
    };

    [Fact]
    public void Same_entry_gives_the_same_hash()
    {
        var hash = AuditChain.ComputeHash(Entry());

        Assert.Equal(hash, AuditChain.ComputeHash(Entry()));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void The_stored_hash_is_not_part_of_what_is_hashed()
    {
        var entry = Entry();
        var before = AuditChain.ComputeHash(entry);
        entry.Hash = before;

        Assert.Equal(before, AuditChain.ComputeHash(entry));
    }

    [Fact]
    public void The_same_instant_in_another_offset_gives_the_same_hash()
    {
        var entry = Entry();
        var hash = AuditChain.ComputeHash(entry);
        entry.OccurredAt = entry.OccurredAt.ToUniversalTime();

        Assert.Equal(hash, AuditChain.ComputeHash(entry));
    }

    public static TheoryData<string, Action<AuditEntry>> Changes => new()
    {
        { "Sequence", e => e.Sequence = 43 },
        { "OccurredAt", e => e.OccurredAt = e.OccurredAt.AddMilliseconds(1) },
        { "ActorId", e => e.ActorId = Guid.Parse("6f1c2b1e-7d7a-4c4e-9a52-1f0b2d3c4e60") },
        { "ActorId null", e => e.ActorId = null },
        { "ActorOrganisationId", e => e.ActorOrganisationId = null },
        { "Action", e => e.Action = "resident.update" },
        { "RecordType", e => e.RecordType = "Case" },
        { "RecordId", e => e.RecordId = "1235" },
        { "RecordId null", e => e.RecordId = null },
        { "ClientAddress", e => e.ClientAddress = "192.0.2.11" },
        { "Purpose", e => e.Purpose = "case-follow-up" },
        { "PreviousHash", e => e.PreviousHash = new string('b', 64) },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_field_change_changes_the_hash(string field, Action<AuditEntry> change)
    {
        var original = AuditChain.ComputeHash(Entry());
        var entry = Entry();
        change(entry);

        Assert.NotEqual(original, AuditChain.ComputeHash(entry));
        Assert.False(string.IsNullOrEmpty(field));
    }

    [Fact]
    public void Moving_text_between_fields_changes_the_hash()
    {
        // "ab" + "" must not hash like "a" + "b": fields are separated.
        var a = Entry();
        a.RecordType = "ab";
        a.RecordId = "";
        var b = Entry();
        b.RecordType = "a";
        b.RecordId = "b";

        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }

    [Fact]
    public void Normalise_truncates_to_the_millisecond_in_utc()
    {
        var t = new DateTimeOffset(2026, 3, 14, 9, 30, 15, 123, TimeSpan.FromHours(1)).AddTicks(4567);

        var normalised = AuditChain.Normalise(t);

        Assert.Equal(TimeSpan.Zero, normalised.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 8, 30, 15, 123, TimeSpan.Zero), normalised);
    }
}
