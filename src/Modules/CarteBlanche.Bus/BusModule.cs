using System.Threading.RateLimiting;
using CarteBlanche.Bus.Planning;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Jobs;
using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Bus;

public static class BusModule
{
    public static readonly ModuleModel Model = new("Bus", typeof(BusModule).Assembly);

    /// <summary>Rate limit of the subscription forms (asking, confirming): <see cref="BusOptions.SubscriptionRequestsPerHour"/> posts an hour per client address.</summary>
    public const string SubscribeRateLimit = "bus-subscribe";

    public static IServiceCollection AddBusModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section)
            .Validate(o => o.PlannerSeconds is > 0 and <= 120, "Bus:PlannerSeconds doit être compris entre 1 et 120 secondes.")
            .Validate(o => o.DepotInseeCode.Length == 5, "Bus:DepotInseeCode doit être un code INSEE de 5 caractères.")
            .Validate(o => o.SubscriptionRequestsPerHour is > 0 and <= 1000, "Bus:SubscriptionRequestsPerHour doit être compris entre 1 et 1000.")
            .ValidateOnStart();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<BusOptions>>((o, bus) =>
            o.AddPolicy(SubscribeRateLimit, context =>
                HttpMethods.IsGet(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("get")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = bus.Value.SubscriptionRequestsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
        services.AddScoped<BusPlanning>();
        services.AddScoped<Timetable>();
        services.AddScoped<ChangeNotifier>();
        services.AddScoped<BusFigures>();
        services.AddScoped<Platform.Results.ISolutionResults, BusResults>();
        services.AddScoped<SubscriptionRequests>();
        services.AddRecurringJob<BusTimetableJob>();
        services.AddSingleton<IModuleInitialiser, BusInitialiser>();
        return services;
    }

    /// <summary>The public iCalendar feeds: one per commune, one for the whole tour.</summary>
    public static IEndpointRouteBuilder MapBusModule(this IEndpointRouteBuilder app)
    {
        app.MapGet("/car/tournee.ics", async (Timetable timetable, HttpContext http, CancellationToken ct) =>
                Results.Text(await timetable.CalendarAsync(null, BaseUrl(http), ct), "text/calendar; charset=utf-8"))
            .Public("Le calendrier de la tournée est public.").ExcludeFromDescription();
        app.MapGet("/car/communes/{code}/passages.ics", async (string code, Timetable timetable, HttpContext http, CancellationToken ct) =>
                await timetable.HasStopAsync(code, ct)
                    ? Results.Text(await timetable.CalendarAsync(code, BaseUrl(http), ct), "text/calendar; charset=utf-8")
                    : Results.NotFound())
            .Public("Le calendrier des passages d'une commune est public.").ExcludeFromDescription();
        return app;
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}

/// <summary>Stops for every commune of the territory, at the mairie (reference data: only added when missing); a first timetable in Development.</summary>
internal sealed class BusInitialiser : IModuleInitialiser
{
    public async Task InitialiseAsync(IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CarteBlancheDbContext>();
        var existing = await db.Set<BusStop>().Select(s => s.CommuneInseeCode).ToListAsync(cancellationToken);
        foreach (var commune in await db.Communes.AsNoTracking().Where(c => !existing.Contains(c.InseeCode)).ToListAsync(cancellationToken))
        {
            db.Add(new BusStop { CommuneInseeCode = commune.InseeCode, PlaceName = $"Place de la mairie", Latitude = commune.Latitude, Longitude = commune.Longitude });
        }
        await db.SaveChangesAsync(cancellationToken);
        // Each stop is also a place where residents are received: a desk case opened in the bus carries it.
        var placeNames = await db.Places.Where(p => p.Kind == PlaceKind.BusStop).Select(p => p.Name).ToListAsync(cancellationToken);
        foreach (var stop in await db.Set<BusStop>().AsNoTracking().Include(s => s.Commune).ToListAsync(cancellationToken))
        {
            var name = $"Car France Services — {stop.Commune!.Name}";
            if (!placeNames.Contains(name))
            {
                db.Places.Add(new Place { Name = name, Kind = PlaceKind.BusStop, CommuneInseeCode = stop.CommuneInseeCode, Address = stop.PlaceName, Latitude = stop.Latitude, Longitude = stop.Longitude });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (seedDemoData && !await db.Set<BusPassage>().AnyAsync(cancellationToken))
        {
            var coordinator = await db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Coordinator)).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
            var planning = services.GetRequiredService<BusPlanning>();
            var today = services.GetRequiredService<ParisClock>().Today;
            var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
            var (run, _) = await planning.RunAsync(new PlanParameters(monday, 10, 1, false, [], []), coordinator ?? Guid.Empty, cancellationToken, TimeSpan.FromSeconds(1));
            if (run != null)
            {
                // Demonstration data, not anyone's action: not journaled.
                await planning.PublishAsync(run.Id, "", cancellationToken, journal: false);
                await SeedHistoryAsync(db, run.Id, cancellationToken);
            }
        }
    }

    /// <summary>Demonstration: the same tour ran for the past twelve weeks, with the crew's visit records, so that the figures have a history.</summary>
    private static async Task SeedHistoryAsync(CarteBlancheDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.Set<TourPlanRun>().AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
        var cycleEnd = BusPlanning.WindowOf(BusPlanning.PlanOf(run), run).To;
        // The cycle itself, not its repetitions ahead.
        var published = await db.Set<BusPassage>().AsNoTracking().Where(p => p.PlanRunId == runId && p.Date <= cycleEnd).ToListAsync(cancellationToken);
        var random = new Random(46);
        string[] domains = ["Famille", "Sante", "Retraite", "Fiscalite", "Numerique", "PapiersIdentitePermis"];
        for (var cycle = 1; cycle <= 6; cycle++)
        {
            foreach (var p in published)
            {
                var past = new BusPassage { StopId = p.StopId, Date = p.Date.AddDays(-14 * cycle), HalfDay = p.HalfDay, Start = p.Start, End = p.End, Bus = p.Bus, PublishedAt = p.PublishedAt };
                db.Add(past);
                var visitors = random.Next(0, 8);
                db.Add(new BusVisit
                {
                    PassageId = past.Id,
                    Visitors = visitors,
                    CasesOpened = visitors == 0 ? 0 : random.Next(0, visitors + 1),
                    Domains = string.Join(",", domains.OrderBy(_ => random.Next()).Take(Math.Min(visitors, 3))),
                    RecordedAt = p.PublishedAt,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
