using System.Globalization;
using System.Text;

namespace CarteBlanche.Employers.Recruitment;

/// <summary>
/// A recruitment interview as an iCalendar event (RFC 5545), for the expert's or the owner's own calendar: the local
/// time of the Paris wall clock (TZID=Europe/Paris), one hour, the firm as the place.
/// </summary>
public static class InterviewCalendar
{
    public static string ToIcs(Candidate candidate, JobOffer offer, string firmName, string commune, DateTimeOffset now)
    {
        var at = candidate.InterviewAt ?? throw new InvalidOperationException("No interview date.");
        static string Local(DateTime value) => value.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var ics = new StringBuilder();
        void Line(string text) => ics.Append(Fold(text)).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Carte Blanche//Service RH//FR");
        Line("CALSCALE:GREGORIAN");
        Line("BEGIN:VEVENT");
        Line($"UID:entretien-{candidate.Id:N}@carteblanche");
        Line($"DTSTAMP:{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
        Line($"DTSTART;TZID=Europe/Paris:{Local(at)}");
        Line($"DTEND;TZID=Europe/Paris:{Local(at.AddHours(1))}");
        Line($"SUMMARY:{Escape($"Entretien d'embauche : {candidate.FullName}, {offer.Title}")}");
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
