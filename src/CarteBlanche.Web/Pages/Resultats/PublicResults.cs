using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;
using Microsoft.Extensions.Caching.Memory;

namespace CarteBlanche.Web.Pages.Resultats;

/// <summary>
/// The results as published (masked), computed once every few minutes for the default period: the public pages are open
/// to anyone and each computation runs every module's queries. Another period is computed on request.
/// </summary>
public sealed class PublicResults(IEnumerable<ISolutionResults> solutions, IMemoryCache cache, ParisClock clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public IReadOnlyList<ISolutionResults> Solutions { get; } = solutions.OrderBy(s => s.Order).ToList();

    public async Task<SolutionResults> ForAsync(ISolutionResults solution, YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var (defaultFrom, defaultTo, _) = ResultsPeriod.Read(null, null, clock.Today);
        if ((from, to) != (defaultFrom, defaultTo))
        {
            return (await solution.ComputeAsync(from, to, cancellationToken)).ForPublic();
        }
        return (await cache.GetOrCreateAsync($"resultats:{solution.Slug}:{from}:{to}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return (await solution.ComputeAsync(from, to, cancellationToken)).ForPublic();
        }))!;
    }
}
