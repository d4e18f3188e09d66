using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CarteBlanche.Platform.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Platform.Audit;

/// <summary>Section "Audit": where the signed checkpoints of the journal go, and their key.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Used in Development only when no key is set: it is public, so it proves nothing.</summary>
    public const string DevelopmentKey = "carteblanche-development-only-audit-checkpoint-key";

    public const int MinimumKeyLength = 32;

    /// <summary>The checkpoints file (one JSON line each); relative to the data directory. Default audit-checkpoints.jsonl.</summary>
    public string CheckpointPath { get; set; } = "audit-checkpoints.jsonl";

    /// <summary>HMAC-SHA256 key of the checkpoints: required outside Development, at least 32 characters, kept out of the database.</summary>
    public string? CheckpointKey { get; set; }
}

/// <summary>The key is required outside Development; a key that is set is at least 32 characters long everywhere.</summary>
internal sealed class AuditOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CheckpointKey))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Audit:CheckpointKey est obligatoire hors développement (variable Audit__CheckpointKey, au moins {AuditOptions.MinimumKeyLength} caractères, gardée hors de la base) : elle signe les points de contrôle du journal d'audit.");
        }
        if (options.CheckpointKey.Length < AuditOptions.MinimumKeyLength)
        {
            return ValidateOptionsResult.Fail($"Audit:CheckpointKey est trop courte : au moins {AuditOptions.MinimumKeyLength} caractères.");
        }
        if (string.IsNullOrWhiteSpace(options.CheckpointPath))
        {
            return ValidateOptionsResult.Fail("Audit:CheckpointPath est vide.");
        }
        return ValidateOptionsResult.Success;
    }
}

/// <summary>The chain's head at a moment, signed with a key the database does not hold.</summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At, string Signature)
{
    /// <summary>The signed text: a fixed prefix, the sequence, the head hash and the time in Unix milliseconds.</summary>
    public static string SignedText(long sequence, string hash, DateTimeOffset at) =>
        string.Join('\n', "carteblanche-audit-checkpoint-v1",
            sequence.ToString(CultureInfo.InvariantCulture), hash,
            at.ToUniversalTime().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public static AuditCheckpoint Create(string key, long sequence, string hash, DateTimeOffset at)
    {
        at = AuditChain.Normalise(at);
        return new AuditCheckpoint(sequence, hash, at, Sign(key, sequence, hash, at));
    }

    public static string Sign(string key, long sequence, string hash, DateTimeOffset at) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(SignedText(sequence, hash, at))));

    public bool IsSignedWith(string key)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(key, Sequence, Hash, At));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(Signature ?? ""));
    }
}

/// <summary>One line of the checkpoints file: the checkpoint, or why it could not be read.</summary>
public sealed record CheckpointLine(int LineNumber, AuditCheckpoint? Checkpoint, string? Problem);

/// <summary>
/// Anchors the hash chain outside the database (docs/adr/0012): the head (sequence, hash, time) signed with HMAC-SHA256
/// is appended to a file and written to the log. Someone who can write to the database can recompute the chain after
/// an edit, or cut its end and move the head back; they cannot sign a checkpoint that matches, so
/// <see cref="AuditVerifier"/> catches both.
/// </summary>
public sealed partial class AuditCheckpoints(
    IOptions<AuditOptions> options,
    IOptions<DatabaseOptions> databaseOptions,
    TimeProvider timeProvider,
    ILogger<AuditCheckpoints> logger)
{
    private static readonly SemaphoreSlim FileLock = new(1, 1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string FilePath => Path.Combine(Path.GetFullPath(databaseOptions.Value.DataDirectory), options.Value.CheckpointPath);

    private string Key => string.IsNullOrWhiteSpace(options.Value.CheckpointKey) ? AuditOptions.DevelopmentKey : options.Value.CheckpointKey;

    /// <summary>Signs the current head and appends it to the file and the log; nothing when the journal is empty.</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CarteBlancheDbContext db, CancellationToken cancellationToken = default)
    {
        var head = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        if (head == null)
        {
            return null;
        }
        var checkpoint = AuditCheckpoint.Create(Key, head.Sequence, head.Hash, timeProvider.GetUtcNow());
        var line = JsonSerializer.Serialize(checkpoint, Json) + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await FileLock.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(FilePath, line, cancellationToken);
        }
        finally
        {
            FileLock.Release();
        }
        LogCheckpoint(logger, checkpoint.Sequence, checkpoint.Hash, checkpoint.At, checkpoint.Signature);
        return checkpoint;
    }

    /// <summary>Every line of the file (none if there is no file yet), each checked against the key.</summary>
    public async Task<IReadOnlyList<CheckpointLine>> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }
        var lines = await File.ReadAllLinesAsync(FilePath, cancellationToken);
        var result = new List<CheckpointLine>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            AuditCheckpoint? checkpoint;
            try
            {
                checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(lines[i], Json);
            }
            catch (JsonException)
            {
                checkpoint = null;
            }
            if (checkpoint == null || string.IsNullOrEmpty(checkpoint.Hash))
            {
                result.Add(new CheckpointLine(i + 1, null, $"la ligne {i + 1} du fichier des points de contrôle est illisible"));
            }
            else if (!checkpoint.IsSignedWith(Key))
            {
                result.Add(new CheckpointLine(i + 1, checkpoint,
                    $"le point de contrôle de la ligne {i + 1} (entrée n° {checkpoint.Sequence}) n'a pas une signature valide : le fichier a été modifié, ou Audit:CheckpointKey n'est pas la clé qui l'a signé"));
            }
            else
            {
                result.Add(new CheckpointLine(i + 1, checkpoint, null));
            }
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint: sequence {Sequence}, head hash {Hash}, at {At:O}, HMAC-SHA256 {Signature}")]
    private static partial void LogCheckpoint(ILogger logger, long sequence, string hash, DateTimeOffset at, string signature);
}

/// <summary>Every five minutes, a signed checkpoint of the journal's head (see <see cref="AuditCheckpoints"/>).</summary>
public sealed class AuditCheckpointJob(AuditCheckpoints checkpoints, CarteBlancheDbContext db) : IRecurringJob
{
    public string Name => "platform.audit-checkpoint";
    public TimeSpan Interval => TimeSpan.FromMinutes(5);

    public Task RunAsync(CancellationToken cancellationToken) => checkpoints.WriteAsync(db, cancellationToken);
}
