using System.Globalization;
using System.Text;

namespace CarteBlanche.Employers.Recruitment;

/// <summary>
/// A recruitment interview as an iCalendar event (RFC 5545), for the expert's own calendar: the Paris wall-clock time
/// written in UTC (no time zone block needed), one hour, the firm as the place; the candidate by first name and
/// initial only, since calendars are often synchronised outside the service. An interview without a time is a day.
/// </summary>
public static class InterviewCalendar
{
    public static string ToIcs(Candidate candidate, JobOffer offer, string firmName, string commune, DateTimeOffset now)
    {
        var day = candidate.InterviewDate ?? throw new InvalidOperationException("No interview date.");
        static string Utc(DateTime paris) =>
            TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(paris, DateTimeKind.Unspecified), Platform.Calendar.ParisClock.Zone).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var ics = new StringBuilder();
        void Line(string text) => ics.Append(Fold(text)).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Carte Blanche//Service RH//FR");
        Line("CALSCALE:GREGORIAN");
        Line("BEGIN:VEVENT");
        Line($"UID:entretien-{candidate.Id:N}@carteblanche");
        Line($"DTSTAMP:{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
        if (candidate.InterviewTime is { } time)
        {
            var at = day.ToDateTime(time);
            Line($"DTSTART:{Utc(at)}");
            Line($"DTEND:{Utc(at.AddHours(1))}");
        }
        else
        {
            Line($"DTSTART;VALUE=DATE:{day:yyyyMMdd}");
            Line($"DTEND;VALUE=DATE:{day.AddDays(1):yyyyMMdd}");
        }
        Line($"SUMMARY:{Escape($"Entretien d'embauche : {Reminders.HrDeadlines.Short(candidate.FirstName, candidate.LastName)}, {offer.Title}")}");
        Line($"LOCATION:{Escape($"{firmName}, {commune}")}");
        Line($"DESCRIPTION:{Escape($"Offre {offer.Reference}.")}");
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>Backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11).</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets folded (a CRLF and a space), never inside a UTF-8 character.</summary>
    public static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                result.Append("\r\n ");
                octets = 1;
            }
            result.Append(rune.ToString());
            octets += size;
        }
        return result.ToString();
    }
}
