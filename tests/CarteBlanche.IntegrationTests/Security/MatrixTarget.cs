using System.Text.RegularExpressions;

namespace CarteBlanche.IntegrationTests.Security;

/// <summary>
/// A real object a route opens (its route values), with the site or organisation it belongs to and the identity who
/// made it, if one did: what the declarations compare with the identity's own.
/// </summary>
public sealed partial record Target(string Label, IReadOnlyDictionary<string, string> Values, string? Site = null, string? Organisation = null, string? Owner = null)
{
    /// <summary>A route without parameters.</summary>
    public static readonly Target None = new("—", new Dictionary<string, string>());

    public static Target Of(string label, string parameter, object value, string? site = null, string? organisation = null) =>
        new(label, new Dictionary<string, string> { [parameter] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)! }, site, organisation);

    /// <summary>An object named by several routes under different parameter names (« id », « residentId »...).</summary>
    public static Target Of(string label, string[] parameters, object value, string? site = null, string? organisation = null) =>
        new(label, parameters.ToDictionary(p => p, _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!), site, organisation);

    /// <summary>The address: the pattern's parameters replaced by this target's values; an optional one without a value is left out.</summary>
    public string PathFor(string pattern)
    {
        var path = Parameter().Replace(pattern, m => Values.TryGetValue(m.Groups[1].Value, out var value) ? Uri.EscapeDataString(value) : "");
        // Values named « ?name » go in the query string.
        var query = string.Join("&", Values.Where(v => v.Key.StartsWith('?')).Select(v => v.Key[1..] + "=" + Uri.EscapeDataString(v.Value)));
        return "/" + path.TrimStart('/').TrimEnd('/') + (query.Length > 0 ? "?" + query : "");
    }

    [GeneratedRegex(@"\{(\w+)[^}]*\}")]
    private static partial Regex Parameter();
}

/// <summary>What one route declares: public or not, its objects, who may open it on each, and the handlers with a stricter rule.</summary>
public sealed class RouteRule(string pattern, bool isPublic, Func<MatrixData, IEnumerable<Target>> targets, Func<Identity, Target, bool> mayOpen)
{
    private readonly Dictionary<string, Func<Identity, Target, bool>> _handlers = new(StringComparer.OrdinalIgnoreCase);

    public string Pattern { get; } = pattern;
    public bool Public { get; } = isPublic;
    /// <summary>Minimal API endpoints: asked by their own tests (API keys, calendars), not as pages.</summary>
    public bool IsApi { get; init; }
    public Func<MatrixData, IEnumerable<Target>> Targets { get; } = targets;
    public Func<Identity, Target, bool> MayOpen { get; } = mayOpen;

    /// <summary>A handler (POST, or named GET) open to fewer identities than the page.</summary>
    public RouteRule Handler(string name, Func<Identity, Target, bool> mayUse)
    {
        _handlers[name] = mayUse;
        return this;
    }

    public RouteRule Handler(string name, Func<Identity, bool> mayUse) => Handler(name, (who, _) => mayUse(who));

    public bool MayUse(string handler, Identity who, Target target) =>
        _handlers.TryGetValue(handler, out var rule) ? MayOpen(who, target) && rule(who, target) : MayOpen(who, target);
}
