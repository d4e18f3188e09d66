using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CarteBlanche.Platform.Audit;

/// <summary>The hash chain of the audit journal: SHA-256 over the entry's fields and the previous hash.</summary>
public static class AuditChain
{
    /// <summary>Hash "before" the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AuditEntry e)
    {
        // One field per line, invariant formats: the same bytes on SQLite and PostgreSQL.
        var text = string.Join('\n',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.ToUniversalTime().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            e.ActorId?.ToString("D") ?? "",
            e.ActorOrganisationId?.ToString("D") ?? "",
            e.Action,
            e.RecordType ?? "",
            e.RecordId ?? "",
            e.ClientAddress ?? "",
            e.Purpose ?? "",
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Truncates to the millisecond, which both databases store exactly.</summary>
    public static DateTimeOffset Normalise(DateTimeOffset t) =>
        DateTimeOffset.FromUnixTimeMilliseconds(t.ToUniversalTime().ToUnixTimeMilliseconds());
}
