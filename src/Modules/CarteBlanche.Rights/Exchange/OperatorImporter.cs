using System.Text;
using System.Threading.Channels;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Exchange;

/// <summary>
/// Imports an operator's file under a convention: the rows go in as a new import while the previous data stays in use;
/// only a file without any error replaces it, in one transaction. A file with errors, or from an operator outside the
/// convention, keeps nothing and says what and where. Interrupted midway, the half-read import is never current and is
/// removed by the next one.
/// </summary>
public sealed class OperatorImporter(CarteBlancheDbContext db, NirHasher nirHasher, FactCipher factCipher, IAuditLog auditLog, ParisClock clock)
{
    public const int BatchSize = 2000;

    /// <param name="conventionId">The convention the file is sent under.</param>
    /// <param name="operatorId">The operator whose data it is.</param>
    /// <param name="content">The file.</param>
    /// <param name="fileName">Its name: « .jsonl » or « .json » for JSON Lines, else CSV.</param>
    /// <param name="by">The data steward who sent it; null for the command line and the API.</param>
    /// <param name="progress">The share of the file done, from 0 to 1.</param>
    /// <param name="cancellationToken">Stops the import; what it wrote is never current and the next import removes it.</param>
    /// <param name="importId">The import's id when the caller chose it (a page following a file sent to the background).</param>
    public async Task<OperatorImport> ImportAsync(Guid conventionId, Guid operatorId, Stream content, string fileName, Guid? by, IProgress<double>? progress, CancellationToken cancellationToken, Guid? importId = null)
    {
        var convention = await db.Set<Convention>().AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == conventionId, cancellationToken);
        var import = new OperatorImport
        {
            Id = importId ?? Guid.NewGuid(),
            ConventionId = conventionId,
            OperatorId = operatorId,
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 200 } name ? name : "fichier",
            Status = ImportStatus.Running,
            StartedAt = clock.Now,
            ImportedBy = by,
        };
        var refusal = convention.StatusOn(clock.Today) != ConventionStatus.InForce
            ? $"la convention « {convention.Title} » n'est pas en vigueur : aucune donnée ne peut être échangée en son nom"
            : convention.Parties.All(p => p.OrganisationId != operatorId)
                ? "cet organisme n'est pas partie à la convention : son fichier est refusé"
                : !convention.Attributes.Any(a => a.OperatorId == operatorId)
                    ? "la convention ne prévoit aucune donnée partagée par cet organisme"
                    : null;
        if (refusal != null)
        {
            return await FinishRejectedAsync(import, [new FileError(0, refusal)], 1, cancellationToken);
        }

        // What a crash left behind: imports never made current, and their rows.
        await db.Set<OperatorImport>().Where(i => i.ConventionId == conventionId && i.OperatorId == operatorId && i.Status == ImportStatus.Running)
            .ExecuteDeleteAsync(cancellationToken);
        db.Add(import);
        await db.SaveChangesAsync(cancellationToken);

        var hash = await nirHasher.HasherAsync(cancellationToken);
        var facts = await factCipher.CodecAsync(cancellationToken);
        var file = new OperatorFile(convention.Attributes.Where(a => a.OperatorId == operatorId).ToList());
        var length = content.CanSeek ? content.Length : 0;

        // Two stages on two threads: one reads the file and prepares the rows (hash, encryption), the other writes the
        // previous batch. A few batches at most wait between them: memory stays flat whatever the file's size.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<(List<OperatorRecord> Rows, double Read)>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
                var pending = new List<OperatorRecord>(BatchSize);
                foreach (var person in file.Persons(reader, fileName, stop.Token))
                {
                    if (file.ErrorCount > 0)
                    {
                        pending.Clear();
                        continue; // keep reading for the errors, store nothing more
                    }
                    pending.Add(new OperatorRecord
                    {
                        ImportId = import.Id,
                        SourceId = person.SourceId,
                        HouseholdId = person.HouseholdId,
                        Role = person.Role,
                        NirHash = person.Nir == null ? null : hash(person.Nir),
                        BirthName = person.BirthName,
                        UsageName = person.UsageName,
                        FirstNames = person.FirstNames,
                        Sex = person.Sex,
                        BirthDate = person.BirthDate,
                        BirthPlace = person.BirthPlace,
                        Commune = person.Commune,
                        FactsProtected = facts.Protect(person.Facts),
                    });
                    if (pending.Count >= BatchSize)
                    {
                        await batches.Writer.WriteAsync((pending, length > 0 ? (double)content.Position / length : 0), stop.Token);
                        pending = new List<OperatorRecord>(BatchSize);
                    }
                }
                if (pending.Count > 0 && file.ErrorCount == 0)
                {
                    await batches.Writer.WriteAsync((pending, 1), stop.Token);
                }
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, stop.Token);
        try
        {
            await foreach (var (rows, read) in batches.Reader.ReadAllAsync(cancellationToken))
            {
                if (file.ErrorCount == 0)
                {
                    await BulkInsert.InsertAsync(db, rows, cancellationToken);
                    progress?.Report(Math.Min(0.95, 0.95 * read));
                }
            }
        }
        catch
        {
            await stop.CancelAsync(); // the reader must not wait for a writer that stopped
            throw;
        }
        await reading;
        if (file.ErrorCount > 0)
        {
            db.ChangeTracker.Clear();
            await db.Set<OperatorRecord>().Where(r => r.ImportId == import.Id).ExecuteDeleteAsync(cancellationToken);
            var tracked = await db.Set<OperatorImport>().SingleAsync(i => i.Id == import.Id, cancellationToken);
            return await FinishRejectedAsync(tracked, file.Errors, file.ErrorCount, cancellationToken, file.Rows);
        }

        // The switch: the previous data goes and this one becomes current, together.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var previous = await db.Set<OperatorImport>()
                .Where(i => i.ConventionId == conventionId && i.OperatorId == operatorId && i.IsCurrent).Select(i => i.Id).ToListAsync(cancellationToken);
            await db.Set<OperatorRecord>().Where(r => previous.Contains(r.ImportId)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<OperatorImport>().Where(i => previous.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.IsCurrent, false), cancellationToken);
            var tracked = await db.Set<OperatorImport>().SingleAsync(i => i.Id == import.Id, cancellationToken);
            tracked.Status = ImportStatus.Succeeded;
            tracked.IsCurrent = true;
            tracked.Rows = file.Rows;
            tracked.FinishedAt = clock.Now;
            auditLog.Add(db, new AuditEvent("rights.import", "Convention", conventionId.ToString("D"), AuditPurpose.OperatorData, ActorId: by));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            import = tracked;
        }
        progress?.Report(1);
        return import;
    }

    private async Task<OperatorImport> FinishRejectedAsync(OperatorImport import, IReadOnlyList<FileError> errors, int count, CancellationToken cancellationToken, int rows = 0)
    {
        import.Status = ImportStatus.Rejected;
        import.IsCurrent = false;
        import.Rows = rows;
        import.ErrorCount = count;
        import.Errors = string.Join('\n', errors.Select(e => e.ToString()));
        if (import.Errors.Length > 20000)
        {
            import.Errors = import.Errors[..20000];
        }
        import.FinishedAt = clock.Now;
        if (db.Entry(import).State == EntityState.Detached)
        {
            db.Add(import);
        }
        auditLog.Add(db, new AuditEvent("rights.import-rejected", "Convention", import.ConventionId.ToString("D"), AuditPurpose.OperatorData, ActorId: import.ImportedBy));
        await db.SaveChangesAsync(cancellationToken);
        return import;
    }
}
