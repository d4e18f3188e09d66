using System.Globalization;
using CarteBlanche.Transit;

namespace CarteBlanche.Mobility.Carpool;

/// <summary>A place a car goes from or to: a commune (its INSEE code) at its centre, or any point.</summary>
public sealed record RoadPoint(string? InseeCode, double Latitude, double Longitude);

/// <summary>Driving time between two points, in minutes: pluggable (ADR 0017).</summary>
public interface IRoadTimes
{
    double Minutes(RoadPoint from, RoadPoint to);
}

/// <summary>
/// The default: the straight line × 1.4 (the Lot's roads wind) at 60 km/h, so 1.4 minute a kilometre as the crow
/// flies. Good enough to tell a 5-minute detour from a 15-minute one between bourgs; an imported table is better.
/// </summary>
public sealed class StraightLineRoadTimes : IRoadTimes
{
    public const double Winding = 1.4;
    public const double KilometresPerHour = 60;

    public double Minutes(RoadPoint from, RoadPoint to) =>
        Geo.Metres(from.Latitude, from.Longitude, to.Latitude, to.Longitude) / 1000 * Winding / KilometresPerHour * 60;
}

/// <summary>
/// Commune-to-commune driving times from a table (CSV « origine;destination;minutes », INSEE codes, either direction);
/// a pair the table lacks, or a point that is not a commune, falls back to the straight line.
/// </summary>
public sealed class TableRoadTimes(IReadOnlyDictionary<(string, string), double> minutes, IRoadTimes fallback) : IRoadTimes
{
    public int Pairs => minutes.Count;

    public double Minutes(RoadPoint from, RoadPoint to)
    {
        if (from.InseeCode != null && to.InseeCode != null)
        {
            if (from.InseeCode == to.InseeCode && from.Latitude == to.Latitude && from.Longitude == to.Longitude)
            {
                return 0;
            }
            if (minutes.TryGetValue((from.InseeCode, to.InseeCode), out var m) || minutes.TryGetValue((to.InseeCode, from.InseeCode), out m))
            {
                return m;
            }
        }
        return fallback.Minutes(from, to);
    }

    /// <summary>Reads the table; the errors say the line and what is wrong (nothing is kept from a file with errors).</summary>
    public static (TableRoadTimes? Table, IReadOnlyList<string> Errors) Read(TextReader reader, IRoadTimes fallback)
    {
        var errors = new List<string>();
        var table = new Dictionary<(string, string), double>();
        var header = reader.ReadLine();
        if (header == null)
        {
            return (null, ["le fichier est vide"]);
        }
        var separator = header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var line = 1;
        string? text;
        while ((text = reader.ReadLine()) != null)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var fields = text.Split(separator);
            if (fields.Length != 3)
            {
                errors.Add($"ligne {line} : 3 colonnes attendues (origine, destination, minutes), {fields.Length} trouvée(s)");
                continue;
            }
            var (origin, destination) = (fields[0].Trim(), fields[1].Trim());
            if (!IsInsee(origin) || !IsInsee(destination))
            {
                errors.Add($"ligne {line} : « {(IsInsee(origin) ? destination : origin)} » n'est pas un code INSEE de commune (5 caractères)");
                continue;
            }
            if (!double.TryParse(fields[2].Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes) || minutes < 0 || minutes > 600)
            {
                errors.Add($"ligne {line} : « {fields[2].Trim()} » n'est pas une durée en minutes (entre 0 et 600)");
                continue;
            }
            table[(origin, destination)] = minutes;
        }
        return errors.Count > 0 ? (null, errors) : (new TableRoadTimes(table, fallback), errors);
    }

    /// <summary>The table configured as <c>Mobility:RoadTimesPath</c>; a file with errors stops the start-up with its first lines in error.</summary>
    public static TableRoadTimes Load(string path, IRoadTimes fallback)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Mobility:RoadTimesPath : le fichier « {path} » n'existe pas (temps de trajet entre communes, CSV « origine;destination;minutes »).");
        }
        using var reader = new StreamReader(path);
        var (table, errors) = Read(reader, fallback);
        return table ?? throw new InvalidOperationException(
            $"Mobility:RoadTimesPath : le fichier « {path} » n'est pas lu, {errors.Count} erreur(s) : {string.Join(" ; ", errors.Take(10))}{(errors.Count > 10 ? " ; …" : "")}.");
    }

    private static bool IsInsee(string code) => code.Length == 5 && code.All(char.IsAsciiLetterOrDigit);
}
