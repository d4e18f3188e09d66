namespace CarteBlanche.Web.Pages.Shared;

/// <summary>What the DSFR pagination partial (_Pagination.cshtml) needs: the current page (1-based),
/// the number of pages and how to build the address of a page.</summary>
public sealed record PaginationModel(int Page, int PageCount, Func<int, string> UrlForPage);
