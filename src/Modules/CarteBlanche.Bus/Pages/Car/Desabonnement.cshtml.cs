
namespace CarteBlanche.Bus.Pages.Car;

/// <summary>One click to stop being told: the subscription (and its e-mail or phone number) is deleted.</summary>
[Public("Un habitant se désabonne par le lien reçu, sans compte.")]
public sealed class DesabonnementModel(CarteBlancheDbContext db, SubscriptionRequests subscriptions) : PageModel
{
    public bool Found { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var hash = BusSubscription.HashOf(token);
        Found = await db.Set<BusSubscription>().AnyAsync(s => s.TokenHash == hash, cancellationToken);
    }

    public async Task OnPostAsync(string token, CancellationToken cancellationToken)
    {
        await subscriptions.RemoveAsync(token, cancellationToken);
        Done = true;
    }
}
