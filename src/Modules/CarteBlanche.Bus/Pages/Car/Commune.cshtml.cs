using Microsoft.AspNetCore.RateLimiting;

namespace CarteBlanche.Bus.Pages.Car;

/// <summary>A commune's timetable, as a resident looks for it: the next passages, the place, changes; its calendar and poster.</summary>
[Public("Les passages du car dans une commune sont publics.")]
[EnableRateLimiting(BusModule.SubscribeRateLimit)]
public sealed class CommuneModel(Timetable timetable, CarteBlancheDbContext db, SubscriptionRequests subscriptions, Microsoft.Extensions.Options.IOptions<Platform.Web.AppOptions> appOptions) : PageModel
{
    [BindProperty] public SubscriptionChannel Channel { get; set; } = SubscriptionChannel.Email;
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public bool Consent { get; set; }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public BusStop Stop { get; private set; } = default!;
    public IReadOnlyList<PassageView> Passages { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) => LoadAsync(code, cancellationToken);

    /// <summary>
    /// A resident asks to be told of changes (e-mail or SMS), with explicit consent, then confirms through the link sent
    /// to that address (double opt-in); every message carries a one-click unsubscribe link. Rate-limited per client address.
    /// </summary>
    public async Task<IActionResult> OnPostSubscribeAsync(string code, CancellationToken cancellationToken)
    {
        var page = await LoadAsync(code, cancellationToken);
        if (page is not PageResult)
        {
            return page;
        }
        var address = Address?.Trim() ?? "";
        if (Channel == SubscriptionChannel.Email && (address.Length > 254 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(address)))
        {
            ModelState.AddModelError(nameof(Address), "Indiquez une adresse e-mail valide, par exemple nom@exemple.fr.");
        }
        var digits = new string(address.Where(char.IsDigit).ToArray());
        if (Channel == SubscriptionChannel.Sms && !(digits.Length == 10 && (digits.StartsWith("06", StringComparison.Ordinal) || digits.StartsWith("07", StringComparison.Ordinal))))
        {
            ModelState.AddModelError(nameof(Address), "Indiquez un numéro de portable à 10 chiffres, par exemple 06 12 34 56 78.");
        }
        if (!Consent)
        {
            ModelState.AddModelError(nameof(Consent), "Cochez la case pour accepter d'être prévenu(e) : sans votre accord, nous ne gardons pas vos coordonnées.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await subscriptions.RequestAsync(code, Name, Channel, address, appOptions.Value.BaseUrlFor(Request), cancellationToken);
        if (outcome == SubscriptionOutcome.TooManyPending)
        {
            ModelState.AddModelError(nameof(Address), $"Cette adresse a déjà {SubscriptionRequests.MaxPendingPerAddress} demandes en attente de confirmation : ouvrez d'abord les liens déjà reçus (ils sont valables {SubscriptionRequests.ConfirmationDays} jours).");
            return Page();
        }
        TempData["Succes"] = Channel == SubscriptionChannel.Email
            ? $"Presque fini : pour être prévenu(e) des changements du car à {Name}, ouvrez le lien de confirmation envoyé à cette adresse e-mail (valable {SubscriptionRequests.ConfirmationDays} jours). Sans confirmation, rien ne vous sera envoyé et l'adresse sera effacée."
            : $"Presque fini : pour être prévenu(e) des changements du car à {Name}, ouvrez le lien de confirmation envoyé par SMS à ce numéro (valable {SubscriptionRequests.ConfirmationDays} jours). Sans confirmation, rien ne vous sera envoyé et le numéro sera effacé.";
        return Redirect($"/car/communes/{code}");
    }

    private async Task<IActionResult> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var stop = await db.Set<BusStop>().AsNoTracking().Include(s => s.Commune).SingleOrDefaultAsync(s => s.CommuneInseeCode == code && s.IsActive, cancellationToken);
        if (stop == null)
        {
            return NotFound();
        }
        (Code, Name, Stop) = (code, stop.Commune!.Name, stop);
        Passages = await timetable.UpcomingAsync(code, Timetable.PublicDays, cancellationToken);
        return Page();
    }
}
