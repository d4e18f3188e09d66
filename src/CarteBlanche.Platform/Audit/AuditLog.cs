using System.Security.Claims;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Platform.Audit;

/// <summary>What happened, to which record, why. Identifiers only.</summary>
public sealed record AuditEvent(
    string Action,
    string? RecordType = null,
    string? RecordId = null,
    string? Purpose = null,
    Guid? ActorId = null,
    Guid? ActorOrganisationId = null);

public interface IAuditLog
{
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}

/// <summary>
/// Appends to the hash-chained journal in its own short transaction. Two writers racing for the
/// same sequence number: the database's primary key refuses the second, which retries on top.
/// </summary>
public sealed class AuditLog(
    IDbContextFactory<CarteBlancheDbContext> contextFactory,
    TimeProvider timeProvider,
    IHttpContextAccessor httpContextAccessor) : IAuditLog
{
    private const int MaxAttempts = 20;

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        var http = httpContextAccessor.HttpContext;
        var user = http?.User;
        var actorId = auditEvent.ActorId ?? ParseGuid(user?.FindFirstValue(ClaimTypes.NameIdentifier));
        var organisationId = auditEvent.ActorOrganisationId ?? ParseGuid(user?.FindFirstValue(AccountClaims.OrganisationId));
        var clientAddress = http?.Connection.RemoteIpAddress?.ToString();

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var last = await db.AuditEntries
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var entry = new AuditEntry
            {
                Sequence = (last?.Sequence ?? 0) + 1,
                OccurredAt = AuditChain.Normalise(timeProvider.GetUtcNow()),
                ActorId = actorId,
                ActorOrganisationId = organisationId,
                Action = auditEvent.Action,
                RecordType = auditEvent.RecordType,
                RecordId = auditEvent.RecordId,
                ClientAddress = clientAddress,
                // The purpose column holds 200 characters; a longer purpose (a long organisation name and many shared
                // fields) is cut rather than failing every retry after the action itself was saved.
                Purpose = auditEvent.Purpose == null ? null : Web.FrenchFormat.Cut(auditEvent.Purpose, 200),
                PreviousHash = last?.Hash ?? AuditChain.Genesis,
                Hash = "",
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            db.AuditEntries.Add(entry);
            var head = await db.AuditHeads.SingleOrDefaultAsync(h => h.Id == 1, cancellationToken);
            if (head == null)
            {
                db.AuditHeads.Add(new AuditHead { Sequence = entry.Sequence, Hash = entry.Hash });
            }
            else
            {
                head.Sequence = entry.Sequence;
                head.Hash = entry.Hash;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another instance took this sequence number: read the new head and retry.
                await Task.Delay(Random.Shared.Next(5, 25 * attempt), cancellationToken);
            }
        }
    }

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var g) ? g : null;
}

public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);

/// <summary>Re-computes the whole chain; the first broken entry is named.</summary>
public sealed class AuditVerifier(CarteBlancheDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
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
        return new AuditVerification(true, last, null, null);
    }
}
