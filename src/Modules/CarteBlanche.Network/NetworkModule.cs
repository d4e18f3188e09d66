using CarteBlanche.Desk.Contracts;
using CarteBlanche.Network.Notifications;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Jobs;
using CarteBlanche.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Network;

/// <summary>Section "Network".</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";
    public const string DefaultTerritory = "46";

    /// <summary>Largest attachment accepted, in megabytes.</summary>
    public int AttachmentMaxMegabytes { get; set; } = 10;

    /// <summary>Local hour (Europe/Paris) after which the daily digest leaves.</summary>
    public int DigestHour { get; set; } = 7;
}

public static class NetworkLimits
{
    public const int TextMaxLength = 5000;
    public const int AttachmentsPerMessage = 5;
    public const int NewsTitleMaxLength = 200;
    public const int NewsBodyMaxLength = 10000;
}

public static class NetworkModule
{
    public static readonly ModuleModel Model = new("Network", typeof(NetworkModule).Assembly);

    /// <summary>The module's endpoints besides its pages: the public Atom feed of news and the partners' API.</summary>
    public static IEndpointRouteBuilder MapNetworkModule(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reseau/actualites/{territory}/atom.xml", async (string territory, News.NewsFeed feed, IOptions<AppOptions> options, HttpContext http, TimeProvider timeProvider, CancellationToken cancellationToken) =>
            {
                if (territory.Length is < 2 or > 3 || !territory.All(char.IsAsciiLetterOrDigit))
                {
                    return Results.NotFound();
                }
                var items = await feed.PublicAsync(territory, cancellationToken);
                return Results.Text(News.NewsFeed.ToAtom(territory, options.Value.BaseUrlFor(http.Request), items, timeProvider.GetUtcNow()), "application/atom+xml; charset=utf-8");
            })
            .Public("Le flux Atom des actualités publiques se lit sans compte.")
            .ExcludeFromDescription();
        Api.PartnerApi.Map(app);
        return app;
    }

    public static IServiceCollection AddNetworkModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section)
            .Validate(o => o.AttachmentMaxMegabytes is >= 1 and <= 50, "Network:AttachmentMaxMegabytes doit être compris entre 1 et 50 Mo.")
            .Validate(o => o.DigestHour is >= 0 and <= 23, "Network:DigestHour doit être une heure entre 0 et 23.")
            .ValidateOnStart();
        services.AddScoped<NetworkAccess>();
        services.AddScoped<NetworkNotifier>();
        services.AddScoped<QuestionWorkflow>();
        services.AddSingleton<QuestionProtection>();
        services.AddScoped<ICaseSectionSource, CaseQuestionsSection>();
        services.AddScoped<ICaseSectionSource, Knowledge.CaseCardsSection>();
        services.AddScoped<ICasePersonalDataWipe, QuestionDataWipe>();
        services.AddScoped<NetworkDemoData>();
        services.AddScoped<Figures.AnswerTimes>();
        services.AddScoped<Knowledge.KnowledgeFigures>();
        services.AddScoped<Platform.Results.ISolutionResults, Figures.NetworkResults>();
        services.AddScoped<News.NewsFeed>();
        services.AddRecurringJob<QuestionReminderJob>();
        services.AddRecurringJob<DigestJob>();
        services.AddSingleton<IModuleInitialiser, NetworkInitialiser>();
        return services;
    }
}

internal sealed class NetworkInitialiser : IModuleInitialiser
{
    public async Task InitialiseAsync(IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CarteBlancheDbContext>();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(Knowledge.FrenchSearch.PostgresIndexSql, cancellationToken);
        }
        var demo = services.GetRequiredService<NetworkDemoData>();
        await demo.EnsurePartnerProfilesAsync(cancellationToken);
        if (seedDemoData)
        {
            await demo.SeedAsync(cancellationToken);
        }
    }
}
