namespace CarteBlanche.Network.News;

public enum NewsCategory
{
    Event,
    RuleChange,
    ServiceChange,
    Campaign,
    Other,
}

public enum NewsAudience
{
    /// <summary>Everyone of the territory; may also be public (Atom feed).</summary>
    Territory,
    /// <summary>The accounts of the listed sites.</summary>
    Sites,
    /// <summary>The accounts with one of the listed roles.</summary>
    Roles,
}

/// <summary>A partner's news item (actualité): Markdown body, rendered safely; shown while valid to its audience.</summary>
public sealed class NewsItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid AuthorId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public NewsCategory Category { get; set; }
    public string Territory { get; set; } = NetworkOptions.DefaultTerritory;
    public NewsAudience Audience { get; set; }
    /// <summary>Site ids (for <see cref="NewsAudience.Sites"/>) or role names (for <see cref="NewsAudience.Roles"/>), comma-separated.</summary>
    public string AudienceList { get; set; } = "";
    /// <summary>Only territory-wide items can be public (anonymous page and Atom feed).</summary>
    public bool IsPublic { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    public IReadOnlyList<string> AudienceValues => AudienceList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsValidOn(DateOnly day) => WithdrawnAt == null && ValidFrom <= day && (ValidUntil == null || ValidUntil >= day);

    /// <summary>Whether an account (its site and roles) is in the item's audience.</summary>
    public bool IsFor(Guid? siteId, IEnumerable<string> roles) => Audience switch
    {
        NewsAudience.Territory => true,
        NewsAudience.Sites => siteId != null && AudienceValues.Contains(siteId.Value.ToString("D")),
        NewsAudience.Roles => roles.Any(r => AudienceValues.Contains(r)),
        _ => false,
    };
}

public sealed class NewsRead
{
    public Guid NewsItemId { get; set; }
    public Guid AccountId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}
