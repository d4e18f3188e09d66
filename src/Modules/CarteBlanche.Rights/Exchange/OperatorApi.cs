using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CarteBlanche.Rights.Exchange;

/// <summary>
/// An operator's key to push its file under one convention through the API. Only the SHA-256 of the key is kept; the
/// key is shown once, when created; a new key revokes the previous one of the same operator and convention.
/// </summary>
public sealed class OperatorApiKey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ConventionId { get; set; }
    public Guid OperatorId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>What the API answers about a pushed file.</summary>
public sealed record ApiImportResult(Guid Id, string Statut, int Lignes, int Erreurs, IReadOnlyList<string> PremieresErreurs);

/// <summary>
/// The operators' push API: <c>PUT /api/droits/v1/conventions/{id}/donnees</c> with the operator's key in the
/// « X-Api-Key » header and the file (CSV, or JSON Lines with <c>Content-Type: application/x-ndjson</c>) as the body —
/// the same format and the same importer as the page: it replaces the operator's data at once, or, with an error,
/// keeps the previous data and answers 422 with the errors by line. 401 without a valid key, 403 for another
/// convention; every call journaled.
/// </summary>
public static class OperatorApi
{
    public const string KeyHeader = "X-Api-Key";
    public const long MaxBytes = 200L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPut("/api/droits/v1/conventions/{id:guid}/donnees", PushAsync)
            .Public("L'organisme s'authentifie par la clé d'API de la convention, pas par un compte.")
            .WithTags("Données des organismes sous convention")
            .WithName("TransmettreDonneesOrganisme")
            .WithSummary("Remplace les données de l'organisme de la clé sous cette convention par le fichier envoyé (CSV ou JSON Lines).")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes))
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<ApiImportResult>, ProblemHttpResult>> PushAsync(Guid id, HttpContext http, CarteBlancheDbContext db, OperatorImporter importer, IAuditLog auditLog, ParisClock clock, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        var presented = http.Request.Headers[KeyHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(presented) || presented.Length > 100)
        {
            await auditLog.RecordAsync(new AuditEvent("rights.api-refused", "Convention", id.ToString("D"), AuditPurpose.ApiKeyMissing), cancellationToken);
            return TypedResults.Problem("Clé d'API manquante : envoyez-la dans l'en-tête X-Api-Key.", statusCode: StatusCodes.Status401Unauthorized, title: "Non authentifié");
        }
        var hash = SecretTokens.HashOf(presented);
        var key = await db.Set<OperatorApiKey>().SingleOrDefaultAsync(k => k.TokenHash == hash, cancellationToken);
        if (key == null || key.RevokedAt != null)
        {
            await auditLog.RecordAsync(new AuditEvent("rights.api-refused", "Convention", id.ToString("D"), key == null ? AuditPurpose.ApiKeyUnknown : AuditPurpose.ApiKeyRevoked), cancellationToken);
            return TypedResults.Problem(key == null ? "Clé d'API inconnue." : "Cette clé d'API a été révoquée : demandez-en une nouvelle au référent des données de votre organisme.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Non authentifié");
        }
        if (key.ConventionId != id)
        {
            await auditLog.RecordAsync(new AuditEvent("rights.api-refused", "Convention", id.ToString("D"), AuditPurpose.OperatorData, ActorOrganisationId: key.OperatorId), cancellationToken);
            return TypedResults.Problem("Cette clé vaut pour une autre convention.", statusCode: StatusCodes.Status403Forbidden, title: "Accès refusé");
        }
        var json = http.Request.ContentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true || http.Request.ContentType?.Contains("jsonl", StringComparison.OrdinalIgnoreCase) == true;
        key.LastUsedAt = clock.Now;
        await db.SaveChangesAsync(cancellationToken);
        // The importer reads synchronously (a stream of millions of rows): the body goes to a temporary file first.
        var path = Path.GetTempFileName();
        OperatorImport import;
        await using (var buffer = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous))
        {
            await http.Request.Body.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            import = await importer.ImportAsync(id, key.OperatorId, buffer, json ? "api.jsonl" : "api.csv", null, null, cancellationToken);
        }
        var errors = (import.Errors ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var result = new ApiImportResult(import.Id, import.Status == ImportStatus.Succeeded ? "importé" : "refusé", import.Rows, import.ErrorCount, errors);
        if (import.Status != ImportStatus.Succeeded)
        {
            return TypedResults.Problem(string.Join("\n", errors.Take(20)), statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Fichier refusé : les données précédentes restent", extensions: new Dictionary<string, object?> { ["erreurs"] = import.ErrorCount });
        }
        return TypedResults.Ok(result);
    }
}
