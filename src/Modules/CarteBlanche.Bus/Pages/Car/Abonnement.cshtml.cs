using Microsoft.AspNetCore.RateLimiting;

namespace CarteBlanche.Bus.Pages.Car;

/// <summary>The link of the confirmation message (double opt-in): one click confirms; opening the link alone changes nothing (mailbox link checkers open links).</summary>
[Public("Un habitant demande à être prévenu des passages, sans compte.")]
[EnableRateLimiting(BusModule.SubscribeRateLimit)]
public sealed class AbonnementModel(SubscriptionRequests subscriptions) : PageModel
{
    public ConfirmationOutcome Outcome { get; private set; }
    public bool Done { get; private set; }
    public string? CommuneCode { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken cancellationToken) =>
        (Outcome, CommuneCode) = await subscriptions.CheckAsync(token, cancellationToken);

    public async Task OnPostAsync(string token, CancellationToken cancellationToken)
    {
        (Outcome, CommuneCode) = await subscriptions.ConfirmAsync(token, cancellationToken);
        Done = Outcome == ConfirmationOutcome.Confirmed;
    }
}
