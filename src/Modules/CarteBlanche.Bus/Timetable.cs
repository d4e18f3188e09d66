using System.Globalization;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Tours;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CarteBlanche.Bus;

public sealed record PassageView(Guid Id, DateOnly Date, HalfDay HalfDay, TimeOnly Start, TimeOnly End, string CommuneCode, string CommuneName, string PlaceName, string? AccessNotes, PassageStatus Status, string? Notice, string Specialists, int Sequence, double Latitude, double Longitude)
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"Le car France Services passe à Lherm, place de l'église, le mardi 14 avril, de 9 h à 12 h."</summary>
    public string Sentence => $"Le car France Services passe à {CommuneName}, {PlaceName.ToLower(Fr)}, le {Date.ToString("dddd d MMMM", Fr)}, de {Hour(Start)} à {Hour(End)}.";

    public static string Hour(TimeOnly time) => Platform.Web.FrenchFormat.Hour(time);
}

/// <summary>The published timetable as residents read it: per commune, for the whole tour, and as iCalendar feeds.</summary>
public sealed class Timetable(CarteBlancheDbContext db, ParisClock clock)
{
    /// <summary>What the public pages, the calendars and the posters show: the next four weeks.</summary>
    public const int PublicDays = 28;

    /// <summary>The wall-clock time in Paris, where the bus runs.</summary>
    public DateTime ParisNow => clock.LocalNow;

    public DateOnly Today => clock.Today;

    /// <summary>True when the passage has ended (today after its end, or an earlier day): it is no longer "the next one".</summary>
    public bool IsOver(DateOnly date, TimeOnly end)
    {
        var now = ParisNow;
        var today = DateOnly.FromDateTime(now);
        return date < today || (date == today && end <= TimeOnly.FromDateTime(now));
    }

    public Task<bool> HasStopAsync(string communeCode, CancellationToken cancellationToken) =>
        db.Set<BusStop>().AnyAsync(s => s.CommuneInseeCode == communeCode && s.IsActive, cancellationToken);

    /// <summary>Passages not over yet (a passage that ended this morning is left out), up to <paramref name="days"/> days ahead, for one commune or all, in date order.</summary>
    public async Task<IReadOnlyList<PassageView>> UpcomingAsync(string? communeCode, int days, CancellationToken cancellationToken)
    {
        var today = Today;
        return (await BetweenAsync(communeCode, today, today.AddDays(days), cancellationToken)).Where(p => !IsOver(p.Date, p.End)).ToList();
    }

    /// <summary>Every passage dated between the two days (over or not), for one commune or all, in date order.</summary>
    public async Task<IReadOnlyList<PassageView>> BetweenAsync(string? communeCode, DateOnly since, DateOnly until, CancellationToken cancellationToken)
    {
        var query = from p in db.Set<BusPassage>().AsNoTracking()
                    join s in db.Set<BusStop>() on p.StopId equals s.Id
                    join c in db.Communes on s.CommuneInseeCode equals c.InseeCode
                    where p.Date >= since && p.Date <= until && (communeCode == null || s.CommuneInseeCode == communeCode)
                    select new PassageView(p.Id, p.Date, p.HalfDay, p.Start, p.End, c.InseeCode, c.Name, s.PlaceName, s.AccessNotes, p.Status, p.Notice, p.Specialists, p.Sequence, s.Latitude, s.Longitude);
        var list = await query.ToListAsync(cancellationToken);
        return list.OrderBy(p => p.Date).ThenBy(p => p.HalfDay).ThenBy(p => p.CommuneName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Communes left with no passage in the next four weeks because passages there were cancelled: flagged to the
    /// coordinator (planning page, and when cancelling), who may add a replacement.
    /// </summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> CommunesLeftWithoutPassageAsync(CancellationToken cancellationToken)
    {
        var upcoming = await UpcomingAsync(null, PublicDays, cancellationToken);
        var served = upcoming.Where(p => p.Status == PassageStatus.Scheduled).Select(p => p.CommuneCode).ToHashSet();
        return upcoming.Where(p => p.Status == PassageStatus.Cancelled && !served.Contains(p.CommuneCode))
            .Select(p => (p.CommuneCode, p.CommuneName)).Distinct()
            .OrderBy(c => c.CommuneName, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
    }

    /// <summary>An iCalendar (RFC 5545) feed: one event per passage, cancelled ones with STATUS:CANCELLED and their notice.</summary>
    public async Task<string> CalendarAsync(string? communeCode, string baseUrl, CancellationToken cancellationToken)
    {
        var passages = await UpcomingAsync(communeCode, PublicDays, cancellationToken);
        var calendar = new Ical.Net.Calendar();
        calendar.AddProperty("X-WR-CALNAME", communeCode == null ? "Car France Services — tournée" : $"Car France Services — {passages.FirstOrDefault()?.CommuneName ?? communeCode}");
        calendar.AddTimeZone(new VTimeZone("Europe/Paris"));
        foreach (var p in passages)
        {
            var cancelled = p.Status == PassageStatus.Cancelled;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{p.Id:D}@carteblanche",
                Summary = (cancelled ? "ANNULÉ — " : "") + $"Car France Services à {p.CommuneName}",
                Location = $"{p.PlaceName}, {p.CommuneName}",
                Description = cancelled ? $"Passage annulé. {p.Notice}" : p.Sentence + (string.IsNullOrEmpty(p.Specialists) ? "" : $" Avec : {p.Specialists}."),
                Start = new CalDateTime(p.Date.ToDateTime(p.Start), "Europe/Paris"),
                End = new CalDateTime(p.Date.ToDateTime(p.End), "Europe/Paris"),
                Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Sequence = p.Sequence,
                Url = new Uri($"{baseUrl}/car/communes/{p.CommuneCode}"),
                GeographicLocation = new GeographicLocation(p.Latitude, p.Longitude),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
