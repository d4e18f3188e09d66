namespace CarteBlanche.Tours;

/// <summary>Benchmark instances: made-up départements of a given size, the same for the same seed.</summary>
public static class TourInstances
{
    /// <summary>
    /// <paramref name="communes"/> communes scattered over a square territory around its prefecture (the depot), with
    /// rural populations (most between 100 and 1,500 residents) and one permanent service point per 40 communes in
    /// the largest ones. Buses and cycle scale with the size: about one half-day slot for four communes.
    /// </summary>
    public static TourProblem Synthetic(int communes, int seed, DateOnly cycleStart)
    {
        var random = new Random(seed);
        // km: ~5 km² per commune, denser than rural France (~30 km²) so that a single depot can reach most communes
        // within the crew's day: the instance stresses the choice and the routing, not the travel limits.
        var side = Math.Sqrt(communes) * 2.2;
        var depot = new GeoPoint(44.45, 1.44);
        GeoPoint At(double xKm, double yKm) => new(depot.Latitude + (yKm / 111.2), depot.Longitude + (xKm / (111.2 * Math.Cos(depot.Latitude * Math.PI / 180))));
        var list = new List<CandidateCommune>();
        for (var i = 0; i < communes; i++)
        {
            var x = (random.NextDouble() - 0.5) * side;
            var y = (random.NextDouble() - 0.5) * side;
            // Log-normal populations: a few bourgs, many villages.
            var population = (int)Math.Clamp(Math.Exp(5.9 + (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 1.4), 40, 12000);
            list.Add(new CandidateCommune($"S{i:D4}", $"Commune {i + 1}", population, At(x, y), "Place de la mairie"));
        }
        var servicePoints = list.OrderByDescending(c => c.Population).Take(Math.Max(1, communes / 40)).Select(c => c.Stop).Append(depot).ToList();
        var buses = Math.Max(1, communes / 80);
        return new TourProblem
        {
            Depot = depot,
            DepotName = "Préfecture",
            Communes = list,
            ServicePoints = servicePoints,
            CycleStart = cycleStart,
            CycleDays = 10,
            Buses = buses,
            Seed = seed,
        };
    }
}
