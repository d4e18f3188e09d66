using CarteBlanche.Network.Partners;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Network.Api;

public sealed record ApiQuestion(Guid Id, string Reference, string CaseReference, string State, string Domain, DateTimeOffset SentAt, DateTimeOffset DueAt, DateTimeOffset? TakenAt, DateTimeOffset? AnsweredAt);

public sealed record ApiResident(string FirstName, string LastName, string? BirthName, DateOnly BirthDate, string? Phone, string? Email, string? PostalAddress, string? Nir, string? CafNumber, string? FranceTravailId);

public sealed record ApiMessage(string Kind, DateTimeOffset At, string Author, string Text, IReadOnlyList<string> Attachments);

public sealed record ApiQuestionDetail(ApiQuestion Question, string SharedFields, ApiResident? Resident, IReadOnlyList<ApiMessage> Messages);

/// <summary>A reply from the partner's tool. Type: "reponse", "demande-information", "hors-champ" or "note-interne".</summary>
public sealed record ApiReply(string? Type, string? Text);

/// <summary>
/// The partners' API: an organisation's own tool lists, reads and answers the questions addressed to it, with an
/// organisation API key in the "X-Api-Key" header (or "Authorization: Bearer"). Problems come back as ProblemDetails:
/// 401 without a valid key, 403 for another organisation's question (journaled), 404, 400, 409 for a state that
/// does not allow the action.
/// </summary>
public static class PartnerApi
{
    public const string KeyHeader = "X-Api-Key";
    private const string KeyItem = "cb.api-key";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reseau/v1/sollicitations")
            .Public("Le partenaire s'authentifie par sa clé d'API (RequireKeyAsync), pas par un compte.")
            .AddEndpointFilter(RequireKeyAsync)
            .WithTags("Sollicitations des partenaires")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("", ListAsync).WithName("ListerSollicitations")
            .WithSummary("Les sollicitations adressées à l'organisme de la clé, les plus urgentes d'abord (état facultatif : Sent, Taken, MoreInfoNeeded, Answered, NotRightPartner, Closed).");
        api.MapGet("/{id:guid}", ReadAsync).WithName("LireSollicitation")
            .WithSummary("Une sollicitation, les données de l'usager partagées avec l'organisme et les échanges (lecture journalisée).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/prise-en-charge", TakeAsync).WithName("PrendreEnChargeSollicitation")
            .WithSummary("« Je m'en occupe » : l'organisme prend la sollicitation.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/reponses", ReplyAsync).WithName("RepondreSollicitation")
            .WithSummary("Répondre, demander une information, déclarer la sollicitation hors champ, ou ajouter une note interne.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async ValueTask<object?> RequireKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Answers carry residents' data: never stored by a cache on the way, nor by the partner's HTTP client.
        http.Response.Headers.CacheControl = "no-store";
        var presented = http.Request.Headers[KeyHeader].FirstOrDefault();
        var authorization = http.Request.Headers.Authorization.FirstOrDefault();
        if (string.IsNullOrEmpty(presented) && authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true)
        {
            presented = authorization["Bearer ".Length..].Trim();
        }
        var prefix = presented == null ? null : ApiKey.PrefixOf(presented);
        var auditLog = http.RequestServices.GetRequiredService<IAuditLog>();
        if (prefix == null)
        {
            await RecordRefusalAsync(auditLog, null, string.IsNullOrEmpty(presented) ? AuditPurpose.ApiKeyMissing : AuditPurpose.ApiKeyMalformed, http);
            return Unauthorized("Clé d'API manquante ou mal formée : envoyez-la dans l'en-tête X-Api-Key.");
        }
        var db = http.RequestServices.GetRequiredService<CarteBlancheDbContext>();
        var key = await db.Set<ApiKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, http.RequestAborted);
        if (key == null || !key.Matches(presented!))
        {
            // The presented value is a secret (or a guess): it is not journaled, only the refusal.
            await RecordRefusalAsync(auditLog, null, AuditPurpose.ApiKeyUnknown, http);
            return Unauthorized("Clé d'API inconnue.");
        }
        if (key.RevokedAt != null)
        {
            await RecordRefusalAsync(auditLog, key, AuditPurpose.ApiKeyRevoked, http);
            return Unauthorized("Cette clé d'API a été révoquée : demandez-en une nouvelle à votre référent principal.");
        }
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        // Written at most once a minute (the page shows it to the minute): concurrent calls with one key do not queue on its row.
        if (key.LastUsedAt == null || now - key.LastUsedAt.Value >= TimeSpan.FromMinutes(1))
        {
            await db.Set<ApiKey>().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), http.RequestAborted);
        }
        http.Items[KeyItem] = key;
        return await next(context);
    }

    /// <summary>Every refused call is journaled: which key (if known, else the path called), why (a code), from which address.</summary>
    private static Task RecordRefusalAsync(IAuditLog auditLog, ApiKey? key, AuditPurpose reason, HttpContext http)
    {
        var path = http.Request.Path.ToString();
        return auditLog.RecordAsync(new AuditEvent("api.access-denied", key == null ? "ApiPath" : "ApiKey", key?.Id.ToString("D") ?? (path.Length > 100 ? path[..100] : path),
            reason, ActorId: key?.Id, ActorOrganisationId: key?.OrganisationId), http.RequestAborted);
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Non authentifié");

    private static ApiKey KeyOf(HttpContext http) => (ApiKey)http.Items[KeyItem]!;

    private static Actor ActorOf(ApiKey key) => new(key.Id, key.OrganisationId, key.Name);

    private static async Task<Ok<List<ApiQuestion>>> ListAsync(HttpContext http, CarteBlancheDbContext db, QuestionState? etat, CancellationToken cancellationToken)
    {
        var key = KeyOf(http);
        var query = db.Set<PartnerQuestion>().AsNoTracking().Where(q => q.OrganisationId == key.OrganisationId);
        if (etat != null)
        {
            query = query.Where(q => q.State == etat);
        }
        var questions = await query.OrderBy(q => q.Rounds.Where(r => r.Number == q.Round).Select(r => r.DueAt).First()).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(questions.Select(ToApi).ToList());
    }

    private static async Task<Results<Ok<ApiQuestionDetail>, ProblemHttpResult>> ReadAsync(Guid id, HttpContext http, CarteBlancheDbContext db, QuestionProtection protection, IAuditLog auditLog, CancellationToken cancellationToken)
    {
        var key = KeyOf(http);
        var (question, problem) = await FindAsync(id, key, db, auditLog, cancellationToken);
        if (problem != null)
        {
            return problem;
        }
        var messages = await (from m in db.Set<QuestionMessage>().AsNoTracking()
                              where m.QuestionId == id && (m.Kind != MessageKind.InternalNote || m.AuthorOrganisationId == key.OrganisationId)
                              join u in db.Users on m.AuthorId equals u.Id into authors
                              from u in authors.DefaultIfEmpty()
                              orderby m.At
                              select new { m.Id, m.Kind, m.At, m.Text, Author = u == null ? null : u.DisplayName }).ToListAsync(cancellationToken);
        var attachments = (await db.Set<QuestionAttachment>().AsNoTracking().Where(a => a.QuestionId == id).Select(a => new { a.MessageId, a.FileName }).ToListAsync(cancellationToken))
            .ToLookup(a => a.MessageId, a => a.FileName);
        var shared = protection.Unprotect(question!.SharedDataProtected);
        await auditLog.RecordAsync(new AuditEvent("question.read", "PartnerQuestion", id.ToString("D"), AuditPurpose.PartnerApi, ActorId: key.Id, ActorOrganisationId: key.OrganisationId), cancellationToken);
        return TypedResults.Ok(new ApiQuestionDetail(
            ToApi(question),
            question.SharedFields,
            shared == null ? null : new ApiResident(shared.FirstName, shared.LastName, shared.BirthName, shared.BirthDate, shared.Phone, shared.Email, shared.PostalAddress, shared.Nir, shared.CafNumber, shared.FranceTravailId),
            messages.Select(m => new ApiMessage(m.Kind.ToString(), m.At, m.Author ?? "Outil du partenaire (API)", m.Text, attachments[m.Id].ToList())).ToList()));
    }

    private static async Task<Results<Ok<ApiQuestion>, ProblemHttpResult>> TakeAsync(Guid id, HttpContext http, CarteBlancheDbContext db, QuestionWorkflow workflow, IAuditLog auditLog, CancellationToken cancellationToken)
    {
        var key = KeyOf(http);
        var (_, problem) = await FindAsync(id, key, db, auditLog, cancellationToken);
        if (problem != null)
        {
            return problem;
        }
        var result = await workflow.TakeAsync(id, null, ActorOf(key), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(ToApi(result.Question!)) : Conflict(result.Error!);
    }

    private static async Task<Results<Ok<ApiQuestion>, ProblemHttpResult>> ReplyAsync(Guid id, ApiReply reply, HttpContext http, CarteBlancheDbContext db, QuestionWorkflow workflow, IAuditLog auditLog, CancellationToken cancellationToken)
    {
        var key = KeyOf(http);
        var (_, problem) = await FindAsync(id, key, db, auditLog, cancellationToken);
        if (problem != null)
        {
            return problem;
        }
        MessageKind? kind = reply.Type switch
        {
            "reponse" => MessageKind.Answer,
            "demande-information" => MessageKind.MoreInfoRequest,
            "hors-champ" => MessageKind.NotRightPartner,
            "note-interne" => MessageKind.InternalNote,
            _ => null,
        };
        if (kind == null)
        {
            return TypedResults.Problem("« type » doit valoir reponse, demande-information, hors-champ ou note-interne.", statusCode: StatusCodes.Status400BadRequest, title: "Requête invalide");
        }
        if (string.IsNullOrWhiteSpace(reply.Text))
        {
            return TypedResults.Problem("« texte » est vide : écrivez la réponse.", statusCode: StatusCodes.Status400BadRequest, title: "Requête invalide");
        }
        if (reply.Text.Contains('\0', StringComparison.Ordinal))
        {
            return TypedResults.Problem("« text » contient un caractère nul (U+0000), refusé : retirez-le, puis renvoyez la réponse.", statusCode: StatusCodes.Status400BadRequest, title: "Requête invalide");
        }
        var result = await workflow.ReplyAsync(id, null, ActorOf(key), kind.Value, reply.Text, [], cancellationToken);
        return result.Succeeded ? TypedResults.Ok(ToApi(result.Question!)) : Conflict(result.Error!);
    }

    private static async Task<(PartnerQuestion? Question, ProblemHttpResult? Problem)> FindAsync(Guid id, ApiKey key, CarteBlancheDbContext db, IAuditLog auditLog, CancellationToken cancellationToken)
    {
        var question = await db.Set<PartnerQuestion>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question == null)
        {
            return (null, TypedResults.Problem("Aucune sollicitation ne porte cet identifiant.", statusCode: StatusCodes.Status404NotFound, title: "Introuvable"));
        }
        if (question.OrganisationId != key.OrganisationId)
        {
            await auditLog.RecordAsync(new AuditEvent("question.access-denied", "PartnerQuestion", id.ToString("D"), AuditPurpose.PartnerApiOtherOrganisation, ActorId: key.Id, ActorOrganisationId: key.OrganisationId), cancellationToken);
            return (null, TypedResults.Problem("Cette sollicitation n'est pas adressée à votre organisme.", statusCode: StatusCodes.Status403Forbidden, title: "Accès refusé"));
        }
        return (question, null);
    }

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Action impossible dans l'état de la sollicitation");

    private static ApiQuestion ToApi(PartnerQuestion q) =>
        new(q.Id, q.Reference, q.CaseReference, q.State.ToString(), q.Domain, q.SentAt, q.Current.DueAt, q.Current.TakenAt,
            q.Current.Outcome == RoundOutcome.Answered ? q.Current.EndedAt : null);
}
