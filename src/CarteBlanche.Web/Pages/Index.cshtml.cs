using System.Security.Claims;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Web.Pages;

[Public("La page d'accueil publique (car, France Services, actualités) ; l'accueil de l'agent une fois connecté.")]
public sealed class IndexModel(CarteBlancheDbContext db, CarteBlanche.Network.News.NewsFeed newsFeed, CarteBlanche.Desk.Contracts.IDeskCases deskCases,
    CarteBlanche.Bus.Timetable timetable, CarteBlanche.Platform.Calendar.ParisClock clock, CarteBlanche.Platform.Calendar.FrenchBusinessCalendar calendar) : PageModel
{
    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The visitor's commune (INSEE code), chosen on the public home page to find the bus's next passage.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public string? CommuneName { get; private set; }
    public bool CommuneHasStop { get; private set; }
    /// <summary>The next passage in the visitor's commune that is not over (null if none in the four weeks shown).</summary>
    public CarteBlanche.Bus.PassageView? NextPassage { get; private set; }
    public IReadOnlyList<Place> FranceServices { get; private set; } = [];
    public IReadOnlyList<CarteBlanche.Network.News.NewsView> PublicNews { get; private set; } = [];

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
        if (User.Identity?.IsAuthenticated != true)
        {
            await LoadPublicAsync();
            return;
        }
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

    /// <summary>What a resident looks for: the bus in his commune, a France Services counter and its hours, the partners' news.</summary>
    private async Task LoadPublicAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Communes = (await db.Communes.AsNoTracking().OrderBy(c => c.SearchName).Select(c => new { c.InseeCode, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.InseeCode, c.Name)).ToList();
        CommuneName = Communes.Where(c => c.Code == Commune).Select(c => c.Name).FirstOrDefault();
        if (CommuneName != null)
        {
            CommuneHasStop = await timetable.HasStopAsync(Commune!, cancellationToken);
            NextPassage = (await timetable.UpcomingAsync(Commune, CarteBlanche.Bus.Timetable.PublicDays, cancellationToken))
                .FirstOrDefault(p => p.Status != CarteBlanche.Bus.PassageStatus.Cancelled);
        }
        FranceServices = await db.Places.AsNoTracking().Include(p => p.Commune)
            .Where(p => p.IsActive && p.Kind == PlaceKind.FranceServices).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        PublicNews = (await newsFeed.PublicAsync(CarteBlanche.Network.NetworkOptions.DefaultTerritory, cancellationToken)).Take(3).ToList();
    }

    /// <summary>« ouvert en ce moment » or when it opens next (Paris time, public holidays closed), for a resident deciding whether to go now.</summary>
    public string OpeningNow(Place place)
    {
        if (!CarteBlanche.Platform.Calendar.OpeningHours.TryParse(place.OpeningHours, out var hours, out _))
        {
            return "";
        }
        var now = clock.LocalNow;
        if (hours.IsOpenAt(now, calendar))
        {
            return "ouvert en ce moment";
        }
        return hours.NextOpening(now, calendar) is { } next
            ? "fermé en ce moment, ouvre " + (DateOnly.FromDateTime(next) == DateOnly.FromDateTime(now) ? "aujourd'hui" : next.ToString("dddd d MMMM", French)) + " à " + CarteBlanche.Bus.PassageView.Hour(TimeOnly.FromDateTime(next))
            : "fermé en ce moment";
    }
}
