using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Platform.Pages.Admin.Comptes;

[Authorize(Policy = Policies.Admin)]
public sealed class InviterModel(CarteBlancheDbContext db, AccountInvitations invitations,
    Microsoft.Extensions.Options.IOptions<Web.AppOptions> appOptions) : PageModel
{
    public sealed class InviteForm
    {
        public string Email { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public Guid? OrganisationId { get; set; }
        public Guid? SiteId { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    [BindProperty] public InviteForm Input { get; set; } = new();
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public IReadOnlyList<Place> Sites { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadListsAsync(cancellationToken);

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        Organisations = await db.Organisations.Where(o => o.IsActive).OrderBy(o => o.SearchName).ToListAsync(cancellationToken);
        Sites = await db.Places.Where(p => p.IsActive)
            .OrderBy(p => p.Kind == PlaceKind.FranceServices ? 0 : 1).ThenBy(p => p.Name).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadListsAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var actorId = User.AccountId();
        var (result, _, _) = await invitations.InviteAsync(
            new InviteAccount(Input.Email, Input.DisplayName, Input.OrganisationId ?? Guid.Empty, Input.Roles, Input.SiteId), actorId, appOptions.Value.BaseUrlFor(Request), cancellationToken);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }
        TempData["Succes"] = $"Invitation envoyée à {Input.Email.Trim()}. Le lien est valable 72 heures.";
        return RedirectToPage("Index");
    }
}
