using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Jobs;
using CarteBlanche.Platform.Notifications;
using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Platform;

public static class PlatformModule
{
    /// <summary>Services every host needs (web app and command line): database, audit, territory, accounts.</summary>
    public static IServiceCollection AddPlatformCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddCarteBlancheDatabase(configuration);
        services.AddSingleton<FrenchBusinessCalendar>();
        services.AddSingleton<ParisClock>();

        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddScoped<CommuneImporter>();
        services.AddScoped<ReferenceData>();
        services.AddScoped<Outbox>();
        services.AddScoped<Database.DatabaseBackup>();
        services.AddScoped<Results.SatisfactionAnswers>();
        services.AddScoped<AccountInvitations>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<DemoData>();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddOptions<Web.AppOptions>().BindConfiguration(Web.AppOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentityCore<Account>(o =>
            {
                // ANSSI / CNIL: long passwords with several character classes; lockout after repeated failures.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<CarteBlancheDbContext>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AccountClaimsPrincipalFactory>()
            .AddSignInManager<AccountSignInManager>()
            .AddDefaultTokenProviders();

        services.AddDataProtection()
            .SetApplicationName("CarteBlanche")
            .PersistKeysToDbContext<CarteBlancheDbContext>();
        return services;
    }

    /// <summary>Background work of the web app: outbox sender and recurring jobs.</summary>
    public static IServiceCollection AddPlatformBackgroundWork(this IServiceCollection services, IConfiguration configuration)
    {
        var dataDirectory = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.DataDirectory)}"] ?? DatabaseOptions.DefaultDataDirectory();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .PostConfigure(o =>
            {
                if (!string.IsNullOrWhiteSpace(o.PickupDirectory) && !Path.IsPathRooted(o.PickupDirectory))
                {
                    o.PickupDirectory = Path.Combine(dataDirectory, o.PickupDirectory);
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .PostConfigure(o => o.SmsDirectory ??= Path.Combine(dataDirectory, "sms"))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IEmailSender, MailKitEmailSender>();
        services.AddScoped<ISmsSender, DevelopmentSmsSender>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<RecurringJobRunner>();
        services.AddRecurringJob<DataRetentionJob>();
        services.AddRecurringJob<AuditCheckpointJob>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddHostedService(sp => sp.GetRequiredService<RecurringJobRunner>());
        return services;
    }

    /// <summary>Migrates (if configured), then makes sure roles and the reference territory exist.</summary>
    public static async Task InitialisePlatformAsync(this IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CarteBlancheDbContext>();
        if (sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await db.MigrateAsync(cancellationToken);
        }
        var roleManager = sp.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() });
            }
        }
        await sp.GetRequiredService<ReferenceData>().EnsureLoadedAsync(cancellationToken);
        if (seedDemoData)
        {
            var password = sp.GetRequiredService<IOptions<DemoOptions>>().Value.Password;
            if (string.IsNullOrWhiteSpace(password))
            {
                throw new OptionsValidationException(DemoOptions.Section, typeof(DemoOptions),
                    ["Demo:Password est obligatoire en développement (mot de passe des comptes de démonstration)."]);
            }
            await sp.GetRequiredService<DemoData>().SeedAsync(password, cancellationToken);
        }
        foreach (var initialiser in sp.GetServices<IModuleInitialiser>())
        {
            await initialiser.InitialiseAsync(sp, seedDemoData, cancellationToken);
        }
    }
}
