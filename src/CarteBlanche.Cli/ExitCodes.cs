namespace CarteBlanche.Cli;

/// <summary>
/// What the command's exit code means, the same for every command: 0 done; 1 the command's own "no" (journal
/// tampered, file refused...); 2 bad usage or a database not migrated; 70 an unexpected error; 78 the command
/// could not start (configuration, services): never confused with a verdict on the data.
/// </summary>
internal static class ExitCodes
{
    public const int Unexpected = 70;
    public const int StartupFailed = 78;
}

/// <summary>The host of the command could not be built: a setting or a service registration is wrong.</summary>
internal sealed class CliStartupException(string message, Exception inner) : Exception(message, inner);
