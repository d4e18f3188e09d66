using CarteBlanche.Network.Notifications;

namespace CarteBlanche.Network.Pages.Reseau;

/// <summary>Each person chooses: the network's e-mails at once, or one daily digest.</summary>
[Authorize(Policy = Policies.Network)]
public sealed class NotificationsModel(CarteBlancheDbContext db) : PageModel
{
    [BindProperty] public bool DailyDigest { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = Actor.Of(User).Id;
        DailyDigest = await db.Set<NotificationPreference>().AnyAsync(p => p.AccountId == me && p.DailyDigest, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var me = Actor.Of(User).Id;
        var preference = await db.Set<NotificationPreference>().SingleOrDefaultAsync(p => p.AccountId == me, cancellationToken);
        if (preference == null)
        {
            db.Add(new NotificationPreference { AccountId = me, DailyDigest = DailyDigest });
        }
        else
        {
            preference.DailyDigest = DailyDigest;
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = DailyDigest ? "Vous recevrez un récapitulatif par jour." : "Vous recevrez chaque notification dès qu'elle arrive.";
        return Redirect("/reseau/notifications");
    }
}
