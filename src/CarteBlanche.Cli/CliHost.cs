using CarteBlanche.Desk;
using CarteBlanche.Network;
using CarteBlanche.Bus;
using CarteBlanche.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CarteBlanche.Cli;

/// <summary>Builds the services of the platform from the same configuration sources as the web app.</summary>
internal static class CliHost
{
    public static IHost Build()
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
        builder.Services.AddDeskModule();
        builder.Services.AddNetworkModule();
        builder.Services.AddBusModule();
        return builder.Build();
    }
}
