namespace CarteBlanche.Platform.Web;

/// <summary>What the DSFR pagination partial (_Pagination.cshtml) needs: the current page (1-based),
/// the number of pages and how to build the address of a page.</summary>
public sealed record PaginationModel(int Page, int PageCount, Func<int, string> UrlForPage);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageCount, int TotalCount)
{
    public PaginationModel Pagination(Func<int, string> urlForPage) => new(Page, PageCount, urlForPage);
}

public static class Paging
{
    public const int PageSize = 25;

    /// <summary>One page of a query; a page number out of range gives the nearest page.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, CancellationToken cancellationToken = default, int pageSize = PageSize)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, cancellationToken);
        (page, var pageCount) = Clamp(page, total, pageSize);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(query.Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new PagedList<T>(items, page, pageCount, total);
    }

    /// <summary>One page of a list already in memory (rows filtered by rules no query can say); same rules as a query's.</summary>
    public static PagedList<T> ToPagedList<T>(this IReadOnlyList<T> rows, int page, int pageSize = PageSize)
    {
        (page, var pageCount) = Clamp(page, rows.Count, pageSize);
        return new PagedList<T>(rows.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageCount, rows.Count);
    }

    private static (int Page, int PageCount) Clamp(int page, int total, int pageSize)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return (Math.Clamp(page, 1, pageCount), pageCount);
    }
}
