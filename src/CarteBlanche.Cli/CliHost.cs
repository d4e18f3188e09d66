using CarteBlanche.Desk;
using CarteBlanche.Network;
using CarteBlanche.Bus;
using CarteBlanche.Mobility;
using CarteBlanche.Employers;
using CarteBlanche.Rights;
using CarteBlanche.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Cli;

/// <summary>Builds the services of the platform from the same configuration sources as the web app.</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        try
        {
            return BuildHost();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CliStartupException($"la commande n'a pas pu démarrer : {FirstLine(ex)}", ex);
        }
    }

    private static string FirstLine(Exception ex)
    {
        var innermost = ex is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : ex;
        while (innermost.InnerException != null)
        {
            innermost = innermost.InnerException;
        }
        return innermost.Message.Split('\n')[0].Trim();
    }

    private static IHost BuildHost()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = environment,
            Args = [],
        });
        // The host already reads appsettings, user secrets (Development) and environment variables;
        // ASPNETCORE_-prefixed ones are added like the web app does, then plain ones keep the last word.
        builder.Configuration.AddEnvironmentVariables("ASPNETCORE_");
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPlatformCore(builder.Configuration);
        // The accounts' sign-in manager (registered with the accounts) needs the authentication services; the commands
        // never sign anyone in, but the Development environment validates every registration when the host is built.
        builder.Services.AddAuthentication();
        builder.Services.AddDeskModule();
        builder.Services.AddNetworkModule();
        builder.Services.AddBusModule();
        builder.Services.AddRightsModule();
        builder.Services.AddMobilityModule();
        builder.Services.AddEmployersModule();
        var host = builder.Build();
        // Settings are checked now (as the web app does when it starts), not at their first use in the middle of a command.
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }
}
