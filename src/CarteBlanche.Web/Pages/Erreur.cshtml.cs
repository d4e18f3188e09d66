using System.Globalization;
using CarteBlanche.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteBlanche.Web.Pages;

/// <summary>
/// Page d'erreur (gabarit DSFR « page d'erreur »). Servie pour tous les verbes : elle est la cible
/// de la réexécution des codes de statut et du gestionnaire d'exceptions. Un code inconnu donne 500.
/// </summary>
[Public("La page d'erreur s'affiche à tous.")]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErreurModel : PageModel
{
    /// <summary>Le code de statut affiché et renvoyé : 400, 403, 404, 413, 429, 500 ou 503.</summary>
    public int Code { get; private set; } = 500;

    /// <summary>Ce qui a été refusé, et où (posé par le filtre des saisies invalides), s'il y a lieu.</summary>
    public string? Detail { get; private set; }

    public string Titre => Code switch
    {
        400 => "Requête invalide",
        403 => "Accès refusé",
        404 => "Page non trouvée",
        413 => "Envoi trop volumineux",
        429 => "Trop de tentatives",
        503 => "Service indisponible",
        _ => "Erreur inattendue",
    };

    public void OnGet(int? code) => Appliquer(code);

    public void OnPost(int? code) => Appliquer(code);

    /// <summary>Les autres verbes (PUT, DELETE...) n'ont pas de gestionnaire : la page est rendue quand même,
    /// avec le code lu dans la route.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            var valeur = Convert.ToString(RouteData.Values["code"], CultureInfo.InvariantCulture);
            Appliquer(int.TryParse(valeur, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : null);
        }
    }

    private void Appliquer(int? code)
    {
        Code = code is 400 or 403 or 404 or 413 or 429 or 500 or 503 ? code.Value : 500;
        Detail = Code is 400 or 413 ? TempData[CarteBlanche.Web.Hosting.BadInputFilter.DetailKey] as string : null;
        Response.StatusCode = Code;
        ViewData["Title"] = Titre;
    }
}
