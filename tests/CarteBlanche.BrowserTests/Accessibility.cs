using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace CarteBlanche.BrowserTests;

/// <summary>The accessibility check of the walk-through tests: no serious or critical axe violation on the page.</summary>
internal static class Accessibility
{
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"{name}: " + string.Join("\n", blocking.Select(v => $"[{v.Impact}] {v.Id}: {v.Help} — " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html)))));
    }
}
