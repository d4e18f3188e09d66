using System.Security.Claims;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(CarteBlancheDbContext db, CarteBlanche.Network.News.NewsFeed newsFeed, CarteBlanche.Desk.Contracts.IDeskCases deskCases) : PageModel
{
    public string? DisplayName { get; private set; }
    public string? OrganisationName { get; private set; }
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public int CommuneCount { get; private set; }
    public int Population { get; private set; }
    /// <summary>The partners' news for this account, unread first (members of the network only).</summary>
    public IReadOnlyList<CarteBlanche.Network.News.NewsView> News { get; private set; } = [];
    public int UnreadNews { get; private set; }
    /// <summary>The agent's open cases by what is to be done (agents and social workers only).</summary>
    public CarteBlanche.Desk.Contracts.DeskWorkload? Workload { get; private set; }

    public async Task OnGetAsync()
    {
        CommuneCount = await db.Communes.CountAsync();
        Population = CommuneCount == 0 ? 0 : await db.Communes.SumAsync(c => c.Population);
        if (User.Identity?.IsAuthenticated == true)
        {
            DisplayName = User.FindFirstValue(AccountClaims.DisplayName);
            if (User.Organisation() is { } organisationId)
            {
                OrganisationName = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync();
            }
            RoleNames = Roles.All.Where(User.IsInRole).Select(Roles.FrenchName).ToList();
            if (User.IsInRole(Roles.Agent) || User.IsInRole(Roles.SocialWorker))
            {
                Workload = await deskCases.WorkloadAsync(User, HttpContext.RequestAborted);
            }
            if (new[] { Roles.Agent, Roles.SocialWorker, Roles.PartnerReferent, Roles.Coordinator, Roles.Admin }.Any(User.IsInRole))
            {
                var news = await newsFeed.ForAsync(User, HttpContext.RequestAborted);
                UnreadNews = news.Count(n => !n.IsRead);
                News = news.Take(3).ToList();
            }
        }
    }
}
