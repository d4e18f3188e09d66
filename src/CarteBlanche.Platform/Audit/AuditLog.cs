using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CarteBlanche.Platform.Audit;

/// <summary>What happened, to which record, why. Identifiers only; the purpose is a code, never free text.</summary>
public sealed record AuditEvent(
    string Action,
    string? RecordType = null,
    string? RecordId = null,
    AuditPurpose? Purpose = null,
    Guid? ActorId = null,
    Guid? ActorOrganisationId = null);

public interface IAuditLog
{
    /// <summary>
    /// Queues an event that <paramref name="db"/>'s next <c>SaveChangesAsync</c> writes in the same transaction as the
    /// change it describes: both are stored, or neither. The way to journal any change.
    /// </summary>
    void Add(CarteBlancheDbContext db, AuditEvent auditEvent);

    /// <summary>Writes an event that goes with no change to save (a reading, a refusal), in its own short transaction.</summary>
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}

/// <summary>
/// Builds journal entries (who, from where, when) and hands them to the DbContext, which chains and writes them with the
/// change (see <see cref="CarteBlancheDbContext.SaveChangesAsync(bool, CancellationToken)"/> and docs/adr/0012).
/// </summary>
public sealed class AuditLog(
    IDbContextFactory<CarteBlancheDbContext> contextFactory,
    TimeProvider timeProvider,
    IHttpContextAccessor httpContextAccessor) : IAuditLog
{
    public void Add(CarteBlancheDbContext db, AuditEvent auditEvent) => db.QueueAuditEntry(NewEntry(auditEvent));

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        Add(db, auditEvent);
        await db.SaveChangesAsync(cancellationToken);
    }

    private AuditEntry NewEntry(AuditEvent auditEvent)
    {
        var http = httpContextAccessor.HttpContext;
        var user = http?.User;
        return new AuditEntry
        {
            OccurredAt = AuditChain.Normalise(timeProvider.GetUtcNow()),
            ActorId = auditEvent.ActorId ?? ParseGuid(user?.FindFirstValue(ClaimTypes.NameIdentifier)),
            ActorOrganisationId = auditEvent.ActorOrganisationId ?? ParseGuid(user?.FindFirstValue(AccountClaims.OrganisationId)),
            Action = auditEvent.Action,
            RecordType = auditEvent.RecordType,
            RecordId = auditEvent.RecordId,
            ClientAddress = http?.Connection.RemoteIpAddress?.ToString(),
            Purpose = auditEvent.Purpose is { } purpose ? AuditPurposes.Code(purpose) : null,
            PreviousHash = "",
            Hash = "",
        };
    }

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var g) ? g : null;
}

public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string? Problem, int CheckpointsChecked = 0);

/// <summary>
/// Re-computes the whole chain and names the first broken entry; then holds it against the signed checkpoints
/// (<see cref="AuditCheckpoints"/>): each one's signature, the hash of the entry at its sequence, and a head at least as far.
/// </summary>
public sealed class AuditVerifier(CarteBlancheDbContext db, AuditCheckpoints checkpoints)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var lines = await checkpoints.ReadAsync(cancellationToken);
        var wanted = lines.Where(l => l.Checkpoint != null).Select(l => l.Checkpoint!.Sequence).ToHashSet();
        var hashesAt = new Dictionary<long, string>();
        long expected = 1;
        var previousHash = AuditChain.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                return new AuditVerification(false, expected - 1, expected,
                    $"l'entrée n° {expected} manque (supprimée ?) : la suivante est la n° {entry.Sequence}");
            }
            if (entry.PreviousHash != previousHash)
            {
                return new AuditVerification(false, expected - 1, entry.Sequence,
                    $"l'entrée n° {entry.Sequence} ne suit pas l'empreinte de l'entrée précédente");
            }
            if (AuditChain.ComputeHash(entry) != entry.Hash)
            {
                return new AuditVerification(false, expected - 1, entry.Sequence,
                    $"l'entrée n° {entry.Sequence} a été modifiée : son empreinte ne correspond plus à son contenu");
            }
            if (wanted.Contains(entry.Sequence))
            {
                hashesAt[entry.Sequence] = entry.Hash;
            }
            previousHash = entry.Hash;
            expected++;
        }
        var last = expected - 1;
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == 1, cancellationToken);
        if (head == null && last > 0)
        {
            return new AuditVerification(false, last, last, "la tête du journal a été supprimée");
        }
        if (head != null && head.Sequence > last)
        {
            return new AuditVerification(false, last, last + 1,
                $"les entrées n° {last + 1} à {head.Sequence} manquent (supprimées ?) : le journal devrait aller jusqu'à la n° {head.Sequence}");
        }
        if (head != null && (head.Sequence != last || head.Hash != previousHash))
        {
            return new AuditVerification(false, last, head.Sequence, $"la tête du journal ne correspond pas à l'entrée n° {head.Sequence}");
        }

        // The chain holds together; a rewritten or shortened one also does. The signed checkpoints tell them apart.
        foreach (var line in lines)
        {
            if (line.Problem != null)
            {
                return new AuditVerification(false, last, line.Checkpoint?.Sequence, line.Problem);
            }
            var checkpoint = line.Checkpoint!;
            var when = checkpoint.At.ToString("O", CultureInfo.InvariantCulture);
            if (checkpoint.Sequence > last)
            {
                return new AuditVerification(false, last, last + 1,
                    $"le journal s'arrête à l'entrée n° {last}, mais le point de contrôle signé du {when} (ligne {line.LineNumber}) en comptait {checkpoint.Sequence} : des entrées ont été supprimées et la tête déplacée");
            }
            if (hashesAt[checkpoint.Sequence] != checkpoint.Hash)
            {
                return new AuditVerification(false, last, checkpoint.Sequence,
                    $"l'entrée n° {checkpoint.Sequence} n'a plus l'empreinte du point de contrôle signé du {when} (ligne {line.LineNumber}) : le journal a été réécrit et sa chaîne recalculée");
            }
        }
        return new AuditVerification(true, last, null, null, lines.Count);
    }
}
