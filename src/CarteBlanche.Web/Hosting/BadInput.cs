using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CarteBlanche.Web.Hosting;

/// <summary>
/// One place for the bad input of every form (HTML pages): a body larger than the page accepts, a form that cannot be
/// read, a NUL character (U+0000) in a field, a file name or the query string. The request is refused before the
/// antiforgery check and any handler (nothing is stored), with a French message that names the field, shown on the
/// error page (400 or 413); a log line says what was refused, never the value.
/// Runs after the size and form-limit filters of the page (order 900) and before antiforgery (1000).
/// </summary>
internal sealed partial class BadInputFilter(ITempDataDictionaryFactory tempData, ILogger<BadInputFilter> logger) : IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string DetailKey = "Erreur.Detail";

    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var path = request.Path.Value ?? "";
        foreach (var (key, values) in request.Query)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                LogNulCharacter(logger, "(adresse) " + Clean(key), path);
                Refuse(context, StatusCodes.Status400BadRequest, $"Le paramètre « {Clean(key)} » de l'adresse contient un caractère nul (U+0000), refusé : corrigez l'adresse.");
                return;
            }
        }
        if (!request.HasFormContentType)
        {
            return;
        }
        IFormCollection form;
        var urlEncoded = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        if (urlEncoded)
        {
            // Small forms are kept to be read again: the form reader refuses a NUL character without saying where.
            request.EnableBuffering();
        }
        try
        {
            form = await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (IsTooLarge(ex))
        {
            var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            LogTooLarge(logger, path, limit);
            Refuse(context, StatusCodes.Status413PayloadTooLarge, limit == null
                ? "Les documents envoyés sont trop volumineux : rien n'a été enregistré. Réduisez-les (ou scannez-les en qualité moindre), puis recommencez."
                : $"Les documents envoyés dépassent au total {limit / (1024 * 1024)} Mo : rien n'a été enregistré. Réduisez-les (ou scannez-les en qualité moindre), ou envoyez-les en plusieurs fois.");
            return;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            if (urlEncoded && await NulFieldAsync(request) is { } field)
            {
                LogNulCharacter(logger, field, path);
                Refuse(context, StatusCodes.Status400BadRequest, NulMessage(field));
                return;
            }
            LogUnreadableForm(logger, path, ex.GetType().Name);
            Refuse(context, StatusCodes.Status400BadRequest, "Le formulaire envoyé est illisible (envoi interrompu ou mal formé) : rien n'a été enregistré. Rechargez la page, puis recommencez.");
            return;
        }
        foreach (var (key, values) in form)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                LogNulCharacter(logger, Clean(key), path);
                Refuse(context, StatusCodes.Status400BadRequest, NulMessage(Clean(key)));
                return;
            }
            // No text column of the app holds more than 5,000 characters; far beyond, the post is refused as a whole
            // (each form checks its own limits; this keeps a pasted book out of messages, cookies and columns).
            if (values.Any(v => v?.Length > MaxFieldLength))
            {
                LogTooLongField(logger, Clean(key), path);
                Refuse(context, StatusCodes.Status400BadRequest, $"Le champ « {FieldLabel(Clean(key))} » dépasse {CarteBlanche.Platform.Web.FrenchFormat.Number(MaxFieldLength)} caractères : raccourcissez-le, puis renvoyez le formulaire. Rien n'a été enregistré.");
                return;
            }
        }
        foreach (var file in form.Files)
        {
            if (file.FileName.Contains('\0', StringComparison.Ordinal) || file.Name.Contains('\0', StringComparison.Ordinal))
            {
                LogNulCharacter(logger, "(nom de fichier) " + Clean(file.Name), path);
                Refuse(context, StatusCodes.Status400BadRequest, "Le nom d'un document joint contient un caractère nul (U+0000) : renommez le fichier, puis recommencez. Rien n'a été enregistré.");
                return;
            }
        }
    }

    public const int MaxFieldLength = 100_000;

    private static string NulMessage(string field) =>
        $"Le champ « {FieldLabel(field)} » contient un caractère nul (U+0000), invisible à l'écran mais refusé (il vient souvent d'un copier-coller) : retirez-le, puis renvoyez le formulaire. Rien n'a été enregistré.";

    /// <summary>The name of the first field of a url-encoded body whose name or value holds "%00" (or a raw NUL).</summary>
    private static async Task<string?> NulFieldAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek || request.Body.Length > 4 * 1024 * 1024)
        {
            return null;
        }
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        foreach (var pair in body.Split('&'))
        {
            if (pair.Contains("%00", StringComparison.Ordinal) || pair.Contains('\0', StringComparison.Ordinal))
            {
                var name = pair.Split('=')[0].Replace('+', ' ');
                try
                {
                    name = Uri.UnescapeDataString(name);
                }
                catch (UriFormatException)
                {
                }
                return Clean(name);
            }
        }
        return null;
    }

    private static bool IsTooLarge(Exception ex) =>
        ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || (ex is InvalidDataException && ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase));

    /// <summary>The message goes through TempData to the error page (GET), which answers with the status.</summary>
    private void Refuse(AuthorizationFilterContext context, int status, string message)
    {
        var data = tempData.GetTempData(context.HttpContext);
        data[DetailKey] = message;
        data.Save();
        context.Result = new RedirectResult($"/erreur/{status.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>"Input.FirstName" → "FirstName"; "Needs[0].Description" → "Description".</summary>
    private static string FieldLabel(string key)
    {
        var clean = Clean(key);
        var dot = clean.LastIndexOf('.');
        return dot >= 0 && dot < clean.Length - 1 ? clean[(dot + 1)..] : clean;
    }

    private static string Clean(string key)
    {
        var clean = key.Replace("\0", "", StringComparison.Ordinal);
        return clean.Length > 60 ? clean[..60] : clean;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request refused: NUL character in field {Field} on {Path}")]
    private static partial void LogNulCharacter(ILogger logger, string field, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request refused: body larger than allowed ({Limit} bytes) on {Path}")]
    private static partial void LogTooLarge(ILogger logger, string path, long? limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request refused: unreadable form ({Exception}) on {Path}")]
    private static partial void LogUnreadableForm(ILogger logger, string path, string exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request refused: field {Field} longer than the longest text accepted on {Path}")]
    private static partial void LogTooLongField(ILogger logger, string field, string path);
}

/// <summary>
/// Dates in forms and query strings (DateOnly, DateTime, DateTimeOffset): "jj/mm/aaaa" or "aaaa-mm-jj", and a year between
/// 1900 and 2200. Year 1 or 9999 is a typing slip, and arithmetic on it would fail further on: it is a field error.
/// </summary>
internal sealed class PlausibleDateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ? new PlausibleDateModelBinder(type) : null;
    }
}

internal sealed class PlausibleDateModelBinder(Type type) : IModelBinder
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;
    private static readonly string[] _formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
    private static readonly string[] _dateTimeFormats = ["dd/MM/yyyy HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var text = result.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (!bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Saisissez une date (jj/mm/aaaa).");
            }
            return Task.CompletedTask;
        }
        DateTime parsed;
        if (DateOnly.TryParseExact(text, _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            parsed = date.ToDateTime(TimeOnly.MinValue);
        }
        else if (type != typeof(DateOnly) && DateTime.TryParseExact(text, _dateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            parsed = dateTime;
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"« {text} » n'est pas une date : saisissez-la au format jj/mm/aaaa.");
            return Task.CompletedTask;
        }
        if (parsed.Year is < MinYear or > MaxYear)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                $"La date « {text} » est hors des limites acceptées (années {MinYear} à {MaxYear}) : vérifiez l'année.");
            return Task.CompletedTask;
        }
        bindingContext.Result = ModelBindingResult.Success(
            type == typeof(DateOnly) ? DateOnly.FromDateTime(parsed)
            : type == typeof(DateTime) ? parsed
            : new DateTimeOffset(parsed, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris").GetUtcOffset(parsed)));
        return Task.CompletedTask;
    }
}

/// <summary>
/// The partners' API (/api) answers every problem in JSON (RFC 9457 problem details) with a French detail, never the
/// HTML error page: a malformed body or parameter, a wrong content type, an unknown address, an unexpected error.
/// </summary>
internal static partial class ApiProblems
{
    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Around the API's endpoints: a malformed request (body, parameter, content type) is a 4xx problem in JSON, with a
    /// French detail that says what and where; an unexpected error a 500 problem (logged, as the framework does).
    /// </summary>
    public static async Task HandleAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (Exception exception) when (!http.Response.HasStarted && exception is not OperationCanceledException)
        {
            var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CarteBlanche.Web.Api");
            if (status >= 500)
            {
                LogUnexpected(logger, http.Request.Path.Value ?? "", exception);
            }
            else
            {
                LogMalformed(logger, status, http.Request.Path.Value ?? "");
            }
            http.Response.Clear();
            http.Response.StatusCode = status;
            http.Response.Headers.CacheControl = "no-store";
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = status, Title = TitleOf(status), Detail = DetailOf(exception, status) },
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API request refused: malformed ({Status}) on {Path}")]
    private static partial void LogMalformed(ILogger logger, int status, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "API request failed on {Path}")]
    private static partial void LogUnexpected(ILogger logger, string path, Exception exception);

    /// <summary>Status codes without a body (404 of an unknown address, 405...), as problem details.</summary>
    public static async Task WriteStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = TitleOf(status), Detail = GenericDetail(status) },
        });
    }

    public static string TitleOf(int status) => status switch
    {
        400 => "Requête invalide",
        401 => "Non authentifié",
        403 => "Accès refusé",
        404 => "Introuvable",
        405 => "Méthode non acceptée",
        409 => "Action impossible dans l'état de la sollicitation",
        413 => "Requête trop volumineuse",
        415 => "Type de contenu non pris en charge",
        429 => "Trop de requêtes",
        _ => "Erreur inattendue",
    };

    private static string GenericDetail(int status) => status switch
    {
        400 => "La requête est mal formée : vérifiez le corps JSON et les paramètres.",
        404 => "Aucune ressource à cette adresse de l'API : vérifiez le chemin (voir /openapi/v1.json).",
        405 => "Cette méthode HTTP n'est pas acceptée à cette adresse (voir /openapi/v1.json).",
        413 => "Le corps de la requête dépasse la taille acceptée.",
        415 => "Envoyez le corps de la requête en JSON (en-tête Content-Type: application/json).",
        >= 500 => "Le service a rencontré une erreur inattendue ; réessayez plus tard.",
        _ => TitleOf(status) + ".",
    };

    private static string DetailOf(Exception exception, int status)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return GenericDetail(StatusCodes.Status500InternalServerError);
        }
        if (FindInner<JsonException>(bad) is { } json)
        {
            return json.Path is { Length: > 1 } jsonPath
                ? $"Le corps JSON est invalide à « {jsonPath} » (ligne {(json.LineNumber ?? 0) + 1}) : vérifiez la syntaxe et le type de cette valeur."
                : $"Le corps de la requête n'est pas un JSON valide (ligne {(json.LineNumber ?? 0) + 1}) : vérifiez sa syntaxe.";
        }
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return GenericDetail(StatusCodes.Status415UnsupportedMediaType);
        }
        var parameter = BindFailure().Match(bad.Message);
        if (parameter.Success)
        {
            return $"Le paramètre « {parameter.Groups["name"].Value} » a une valeur invalide (« {parameter.Groups["value"].Value} »).";
        }
        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return "Le corps de la requête est vide ou illisible : envoyez un objet JSON (en-tête Content-Type: application/json).";
        }
        return GenericDetail(status);
    }

    private static T? FindInner<T>(Exception exception) where T : Exception
    {
        for (var e = exception.InnerException; e != null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }

    [GeneratedRegex("""Failed to bind parameter "[^"]*?(?<name>\w+)" from "(?<value>[^"]{0,60})""")]
    private static partial Regex BindFailure();
}
