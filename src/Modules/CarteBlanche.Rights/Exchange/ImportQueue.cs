using System.Collections.Concurrent;
using System.Threading.Channels;
using CarteBlanche.Platform.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CarteBlanche.Rights.Exchange;

/// <summary>A file a data steward sent from the page, kept in a temporary file until <see cref="ImportWorker"/> imports it.</summary>
public sealed record ImportJob(Guid ImportId, Guid ConventionId, Guid OperatorId, string Path, string FileName, Guid? By);

/// <summary>
/// Files sent from the page, imported one at a time in the background: a file of hundreds of thousands of rows takes
/// seconds to minutes, longer than a page should wait. The page follows the import's row (its progress).
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<ImportJob> _channel = Channel.CreateUnbounded<ImportJob>();
    private readonly ConcurrentDictionary<Guid, ImportJob> _waiting = new();

    public void Enqueue(ImportJob job)
    {
        _waiting[job.ImportId] = job;
        _channel.Writer.TryWrite(job);
    }

    /// <summary>Sent and not finished yet (perhaps not started: its row does not exist until then).</summary>
    public bool IsWaiting(Guid importId) => _waiting.ContainsKey(importId);

    /// <summary>The job of a file sent and not finished yet, or null.</summary>
    public ImportJob? Waiting(Guid importId) => _waiting.GetValueOrDefault(importId);

    internal ChannelReader<ImportJob> Reader => _channel.Reader;

    internal void Done(Guid importId) => _waiting.TryRemove(importId, out _);
}

internal sealed partial class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(job, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, job.ImportId, e);
                await FailAsync(job.ImportId);
            }
            finally
            {
                queue.Done(job.ImportId);
                File.Delete(job.Path);
            }
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<OperatorImporter>();
        var progress = new LatestProgress();
        await using var content = new FileStream(job.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var importing = importer.ImportAsync(job.ConventionId, job.OperatorId, content, job.FileName, job.By, progress, stoppingToken, job.ImportId);
        // The importer's context is busy: the progress goes to the row through another one, once a second.
        await using var progressScope = scopes.CreateAsyncScope();
        var db = progressScope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
        var written = 0;
        while (await Task.WhenAny(importing, Task.Delay(1000, stoppingToken)) != importing)
        {
            var percent = (int)(100 * progress.Value);
            if (percent != written)
            {
                written = percent;
                await db.Set<OperatorImport>().Where(i => i.Id == job.ImportId && i.Status == ImportStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Progress, percent), stoppingToken);
            }
        }
        await importing;
    }

    /// <summary>An unexpected error: the import is refused and its rows removed; the previous data was never touched.</summary>
    private async Task FailAsync(Guid importId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
        await db.Set<OperatorRecord>().Where(r => r.ImportId == importId).ExecuteDeleteAsync();
        await db.Set<OperatorImport>().Where(i => i.Id == importId && i.Status == ImportStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ImportStatus.Rejected)
            .SetProperty(i => i.ErrorCount, 1)
            .SetProperty(i => i.Errors, "L'import s'est arrêté sur une erreur inattendue (détail dans le journal du serveur) : rien n'a été importé, les données précédentes restent.")
            .SetProperty(i => i.FinishedAt, scope.ServiceProvider.GetRequiredService<ParisClock>().Now));
    }


    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} en échec")]
    private static partial void LogFailed(ILogger logger, Guid importId, Exception exception);
}
