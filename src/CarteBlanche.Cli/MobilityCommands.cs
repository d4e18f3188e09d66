using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CarteBlanche.Mobility.Carpool;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Cli;

internal static class MobilityCommands
{
    public static Command Create()
    {
        var mobility = new Command("mobility", "Mobilité solidaire : covoiturage.");
        var drivers = new Option<int>("--conducteurs") { Description = "Nombre de trajets réguliers de conducteurs.", DefaultValueFactory = _ => 1000 };
        var requests = new Option<int>("--demandes") { Description = "Nombre de demandes de passagers.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--graine") { Description = "Graine : les mêmes arguments donnent les mêmes trajets.", DefaultValueFactory = _ => 1 };
        var bench = new Command("carpool-bench", "Mesure le rapprochement de trajets de conducteurs et de demandes de passagers tirés au hasard entre les communes du bassin de vie (détour absolu, temps routiers à vol d'oiseau × 1,4 à 60 km/h).") { drivers, requests, seed };
        bench.SetAction(parse =>
        {
            using var reader = ReferenceData.Open("communes-bassin-de-vie-cahors.csv");
            var communes = TourCommands.ReadCommunes(reader, "communes-bassin-de-vie-cahors.csv").Select(c => new RoadPoint(c.Code, c.Stop.Latitude, c.Stop.Longitude)).ToList();
            var random = new Random(parse.GetValue(seed));
            var cahors = communes.Single(c => c.InseeCode == "46042");
            RoadPoint Any() => communes[random.Next(communes.Count)];
            // Most regular trips go to or from Cahors, as in the bassin de vie.
            var trips = Enumerable.Range(0, parse.GetValue(drivers)).Select(_ =>
            {
                var other = Any();
                var toCahors = random.Next(4) > 0;
                return new DriverTrip(Guid.NewGuid(), toCahors ? other : cahors, toCahors ? cahors : other, (byte)random.Next(1, 128),
                    new TimeOnly(6 + random.Next(13), 15 * random.Next(4)), 15 * random.Next(3), random.Next(2) == 0 ? DetourTolerance.Minor : DetourTolerance.Medium);
            }).ToList();
            var day = new DateOnly(2026, 12, 7);
            var asked = Enumerable.Range(0, parse.GetValue(requests)).Select(_ =>
                new RideRequest(Guid.NewGuid(), Any(), random.Next(3) > 0 ? cahors : Any(), day.AddDays(random.Next(7)), new TimeOnly(7 + random.Next(11), 15 * random.Next(4)), random.Next(2) == 0)).ToList();
            var matcher = new CarpoolMatcher(new StraightLineRoadTimes());
            matcher.Match(trips.Take(50).ToList(), asked.Take(50).ToList()); // warm-up
            var watch = Stopwatch.StartNew();
            var matches = matcher.Match(trips, asked);
            var seconds = watch.Elapsed.TotalSeconds;
            var invariant = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(invariant, $"drivers: {trips.Count}, requests: {asked.Count}, pairs: {(long)trips.Count * asked.Count}"));
            Console.WriteLine(string.Create(invariant, $"requests_matched: {matches.Count(m => m.Count > 0)}, matches: {matches.Sum(m => m.Count)}, minor: {matches.Sum(m => m.Count(x => x.Level == DetourTolerance.Minor))}"));
            Console.WriteLine(string.Create(invariant, $"match_s: {seconds:0.000}"));
            return 0;
        });
        mobility.Subcommands.Add(bench);
        return mobility;
    }
}
