using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Mobility.Needs;

public sealed record MobilityMonth(DateOnly Month, int Needs, int Transit, int Carpool, int Other, int Unmet, int RidesProposed, int RidesAgreed, int RidesDone, double KilometresShared, double? Co2Kilograms);

/// <summary>
/// The platform's figures month by month, by the day of the trip, without any person: needs recorded and how they
/// ended, rides proposed, agreed and done, kilometres shared (the passengers' part of rides agreed or done). The
/// figures page and the results both read them here. CO2 is left to the caller (it needs a configured factor).
/// </summary>
public sealed class MobilityFigures(CarteBlancheDbContext db)
{
    public async Task<IReadOnlyList<MobilityMonth>> MonthlyAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var (first, last) = (from.FirstDay, to.LastDay);
        var needs = await db.Set<TravelNeed>().AsNoTracking().Where(n => n.Day >= first && n.Day <= last).Select(n => new { n.Day, n.Status }).ToListAsync(cancellationToken);
        var rides = await db.Set<Ride>().AsNoTracking().Where(r => r.Need!.Day >= first && r.Need.Day <= last).Select(r => new { r.Need!.Day, r.Status, r.Kilometres }).ToListAsync(cancellationToken);
        return YearMonth.Range(from, to).Select(month =>
        {
            var n = needs.Where(x => month.Contains(x.Day)).ToList();
            var r = rides.Where(x => month.Contains(x.Day)).ToList();
            return new MobilityMonth(month.FirstDay, n.Count, n.Count(x => x.Status == NeedStatus.Transit), n.Count(x => x.Status == NeedStatus.Carpool), n.Count(x => x.Status == NeedStatus.OtherSolution),
                n.Count(x => x.Status == NeedStatus.Unmet), r.Count, r.Count(x => x.Status == RideStatus.Agreed), r.Count(x => x.Status == RideStatus.Done),
                r.Where(x => x.Status is RideStatus.Agreed or RideStatus.Done).Sum(x => x.Kilometres), null);
        }).ToList();
    }
}
