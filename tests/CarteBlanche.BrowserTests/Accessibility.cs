using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace CarteBlanche.BrowserTests;

/// <summary>The accessibility check of the walk-through tests: no serious or critical axe violation on the page.</summary>
/// <remarks>
/// axe-core itself (the copy shipped in Deque.AxeCore.Commons) runs in the page: injected once per document, then
/// <c>axe.run</c> with every rule, keeping only violations. Deque's Playwright wrapper took 3–4 s a page for the same
/// rules (axe's own run: 0.1–0.5 s), most of the browser suite's time.
/// </remarks>
internal static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js not found in Deque.AxeCore.Commons");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private const string Run = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          const blocking = result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` + v.nodes.slice(0, 5).map(n =>
              `    ${n.target}: ${n.html}\n` + [...n.any, ...n.all, ...n.none].map(c => `      ${c.message}`).join('\n')).join('\n'));
          return JSON.stringify({ blocking, passes: result.passes.length });
        }
        """;

    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        // A DSFR modal fades in: checked mid-transition, its text is still pale (a contrast failure a user never sees).
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            // Evaluated through the DevTools protocol, not as a page script: the strict CSP does not apply to it.
            await page.EvaluateAsync(AxeSource.Value + "\n;true");
        }
        using var result = JsonDocument.Parse(await page.EvaluateAsync<string>(Run));
        var blocking = result.RootElement.GetProperty("blocking").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(blocking.Count == 0, $"{name}: {blocking.Count} serious or critical axe violation(s):\n" + string.Join("\n", blocking));
        // axe really ran: a page where no rule passed means the check itself did not work.
        Assert.True(result.RootElement.GetProperty("passes").GetInt32() > 0, $"{name}: axe reported no passing rule");
    }
}
