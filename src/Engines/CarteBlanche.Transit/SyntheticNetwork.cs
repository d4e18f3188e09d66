using System.Globalization;
using System.Text;

namespace CarteBlanche.Transit;

/// <summary>
/// Writes a synthetic GTFS feed of a chosen size, for benchmarks and the reference comparison: stops scattered over a
/// département-sized area (about 100 km), lines following chains of nearby stops in both directions, trips through
/// the day on weekday, Saturday and twice-weekly calendars, some stops close enough to walk between. Deterministic for a seed.
/// </summary>
public static class SyntheticNetwork
{
    public static (int Stops, int StopTimes) Write(string folder, int stops, int lines, int tripsPerLine, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var lat = new double[stops];
        var lon = new double[stops];
        // Towns (clusters) and scattered stops; stop t (t < towns) is town t's hub.
        var towns = Math.Max(1, stops / 40);
        var centres = Enumerable.Range(0, towns).Select(_ => (44.0 + random.NextDouble() * 0.9, 1.0 + random.NextDouble() * 1.3)).ToArray();
        for (var s = 0; s < stops; s++)
        {
            var (clat, clon) = centres[s % towns];
            var spread = random.NextDouble() < 0.7 ? 0.01 : 0.08;
            lat[s] = clat + (random.NextDouble() - 0.5) * spread;
            lon[s] = clon + (random.NextDouble() - 0.5) * spread * 1.4;
        }
        var invariant = CultureInfo.InvariantCulture;
        File.WriteAllText(Path.Combine(folder, "agency.txt"), "agency_id,agency_name,agency_url,agency_timezone,agency_phone\nSYN,Réseau synthétique,https://example.org,Europe/Paris,05 00 00 00 00\n");
        var stopsText = new StringBuilder("stop_id,stop_name,stop_lat,stop_lon\n");
        for (var s = 0; s < stops; s++)
        {
            stopsText.Append(invariant, $"S{s},Arrêt {s},{lat[s]:0.000000},{lon[s]:0.000000}\n");
        }
        File.WriteAllText(Path.Combine(folder, "stops.txt"), stopsText.ToString());
        File.WriteAllText(Path.Combine(folder, "calendar.txt"),
            "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n" +
            "SEMAINE,1,1,1,1,1,0,0,20260105,20261231\nSAMEDI,0,0,0,0,0,1,0,20260105,20261231\nMARDI_JEUDI,0,1,0,1,0,0,0,20260105,20261231\n");
        File.WriteAllText(Path.Combine(folder, "calendar_dates.txt"), "service_id,date,exception_type\nSEMAINE,20260501,2\nSEMAINE,20260714,2\nSAMEDI,20260815,2\n");
        var routes = new StringBuilder("route_id,agency_id,route_short_name,route_long_name,route_type\n");
        var trips = new StringBuilder("route_id,service_id,trip_id\n");
        using var stopTimes = new StreamWriter(Path.Combine(folder, "stop_times.txt"), false, new UTF8Encoding(false), 1 << 16);
        stopTimes.Write("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n");
        var count = 0;
        for (var l = 0; l < lines; l++)
        {
            routes.Append(invariant, $"L{l},SYN,{l},Ligne {l},3\n");
            // A line links two towns' hubs (their first stop: the lines meet there) through stops on the way.
            var fromHub = random.Next(towns);
            var toHub = (fromHub + 1 + random.Next(Math.Max(1, towns - 1))) % towns;
            var end = toHub;
            var length = 8 + random.Next(25);
            var chain = new List<int> { fromHub };
            var visited = new HashSet<int>(chain) { end };
            while (chain.Count < length - 1)
            {
                var from = chain[^1];
                var next = -1;
                var bestScore = double.MaxValue;
                for (var tries = 0; tries < 60; tries++)
                {
                    var c = random.Next(stops);
                    if (visited.Contains(c))
                    {
                        continue;
                    }
                    // Near the last stop and heading to the other hub.
                    var score = Math.Abs(lat[c] - lat[from]) + Math.Abs(lon[c] - lon[from]) + 0.5 * (Math.Abs(lat[c] - lat[end]) + Math.Abs(lon[c] - lon[end]));
                    if (score < bestScore)
                    {
                        (bestScore, next) = (score, c);
                    }
                }
                if (next < 0)
                {
                    break;
                }
                chain.Add(next);
                visited.Add(next);
            }
            if (end != fromHub)
            {
                chain.Add(end);
            }
            var hops = new int[chain.Count];
            for (var i = 1; i < chain.Count; i++)
            {
                var metres = Geo.Metres(lat[chain[i - 1]], lon[chain[i - 1]], lat[chain[i]], lon[chain[i]]);
                hops[i] = Math.Max(60, (int)(metres / 9.0) / 60 * 60); // about 32 km/h, whole minutes
            }
            var service = (l % 10) switch { < 7 => "SEMAINE", < 9 => "SAMEDI", _ => "MARDI_JEUDI" };
            var first = 5 * 3600 + random.Next(0, 90) * 60;
            var headway = Math.Max(600, (16 * 3600) / Math.Max(1, tripsPerLine));
            for (var t = 0; t < tripsPerLine; t++)
            {
                for (var direction = 0; direction < 2; direction++)
                {
                    var id = string.Create(invariant, $"L{l}_{direction}_{t}");
                    trips.Append(invariant, $"L{l},{service},{id}\n");
                    var time = first + t * headway + direction * 1800 + random.Next(0, 4) * 60;
                    for (var i = 0; i < chain.Count; i++)
                    {
                        var index = direction == 0 ? i : chain.Count - 1 - i;
                        if (i > 0)
                        {
                            time += direction == 0 ? hops[index] : hops[index + 1];
                        }
                        var clock = string.Create(invariant, $"{time / 3600:00}:{time % 3600 / 60:00}:{time % 60:00}");
                        stopTimes.Write(string.Create(invariant, $"{id},{clock},{clock},S{chain[index]},{i + 1}\n"));
                        count++;
                    }
                }
            }
        }
        File.WriteAllText(Path.Combine(folder, "routes.txt"), routes.ToString());
        File.WriteAllText(Path.Combine(folder, "trips.txt"), trips.ToString());
        return (stops, count);
    }
}
