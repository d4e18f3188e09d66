using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteBlanche.Platform.Pages.Admin.Comptes;

internal static class AccountFormErrors
{
    /// <summary>Copies a handler's field errors into the page's ModelState under "Input.{field}".</summary>
    public static void AddTo(this CommandResult result, ModelStateDictionary modelState)
    {
        foreach (var (field, message) in result.Errors)
        {
            modelState.AddModelError(field.Length == 0 ? "" : "Input." + field, message);
        }
    }
}
