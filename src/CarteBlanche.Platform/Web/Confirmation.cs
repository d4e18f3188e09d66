using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CarteBlanche.Platform.Web;

/// <summary>What the confirmation page shows and sends back.</summary>
public sealed record ConfirmationModel(string Question, string? Detail, string ConfirmLabel, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, string CancelUrl);

/// <summary>
/// A destructive action asks first. Its form carries <c>data-cb-confirm="question"</c>: with JavaScript, a DSFR modal
/// asks and adds <c>confirme=oui</c> to the form (wwwroot/js/confirm.js); without it, the handler answers the unconfirmed
/// post with a confirmation page that sends the same fields again, confirmed.
/// </summary>
public static class Confirmation
{
    public const string Field = "confirme";

    public static bool IsConfirmed(HttpRequest request) =>
        request.HasFormContentType && string.Equals(request.Form[Field], "oui", StringComparison.Ordinal);

    /// <summary>The confirmation page for the current post: its fields (but the antiforgery token) are posted again with confirme=oui.</summary>
    public static IActionResult Ask(PageModel page, string question, string confirmLabel, string? detail = null, string? cancelUrl = null)
    {
        var request = page.Request;
        var fields = request.HasFormContentType
            ? request.Form.Where(f => f.Key != "__RequestVerificationToken" && f.Key != Field)
                .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList()
            : [];
        var action = request.PathBase + request.Path + request.QueryString;
        var model = new ConfirmationModel(question, detail, confirmLabel, action, fields, cancelUrl ?? (request.PathBase + request.Path).ToString());
        return new ViewResult
        {
            ViewName = "_Confirmation",
            ViewData = new ViewDataDictionary<ConfirmationModel>(page.ViewData, model),
            TempData = page.TempData,
        };
    }
}
