using System.Net;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.IntegrationTests.Employers;

/// <summary>What the Employers tests read pages with.</summary>
internal static class EmployersPages
{
    /// <summary>The page's text as a person reads it: entities decoded, French number spaces as plain spaces.</summary>
    public static string Decode(string html) => WebUtility.HtmlDecode(html).Replace('\u202F', ' ').Replace('\u00A0', ' ');

    /// <summary>The test app runs on the real clock: today in Paris.</summary>
    public static DateOnly Today => ParisClock.DayOf(DateTimeOffset.UtcNow);
}
