using System.Security.Claims;
using System.Text;
using System.Xml;
using CarteBlanche.Platform.Calendar;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CarteBlanche.Network.News;

/// <summary>A news item as shown: its body already rendered to safe HTML.</summary>
public sealed record NewsView(NewsItem Item, string Organisation, string BodyHtml, bool IsRead);

/// <summary>Markdown to HTML for partner news: raw HTML is escaped, links keep only http(s) and mailto addresses, no images.</summary>
public static class NewsMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        // DisableHtml stops HTML blocks, not inline tags inside a paragraph: those become plain (escaped) text.
        foreach (var html in document.Descendants<HtmlInline>().ToList())
        {
            html.ReplaceBy(new LiteralInline(html.Tag));
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            var allowed = !link.IsImage && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase));
            if (!allowed)
            {
                link.Url = "";
                link.IsImage = false;
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !autolink.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !autolink.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                autolink.Url = "";
            }
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}

/// <summary>The news an account may read (valid today, in its audience), unread first; the public items of a territory.</summary>
public sealed class NewsFeed(CarteBlancheDbContext db, FrenchBusinessCalendar calendar, TimeProvider timeProvider)
{
    public DateOnly Today => DateOnly.FromDateTime(calendar.ToLocalTime(timeProvider.GetUtcNow()));

    public async Task<IReadOnlyList<NewsView>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var me = Actor.Of(user).Id;
        var site = NetworkAccess.SiteOf(user);
        var roles = Roles.All.Where(user.IsInRole).ToList();
        var today = Today;
        var items = await (from n in db.Set<NewsItem>().AsNoTracking()
                           join o in db.Organisations on n.OrganisationId equals o.Id
                           where n.WithdrawnAt == null && n.ValidFrom <= today && (n.ValidUntil == null || n.ValidUntil >= today)
                           orderby n.PublishedAt descending
                           select new { Item = n, Organisation = o.Name, IsRead = db.Set<NewsRead>().Any(r => r.NewsItemId == n.Id && r.AccountId == me) })
            .ToListAsync(cancellationToken);
        return items.Where(x => x.Item.IsFor(site, roles))
            .OrderBy(x => x.IsRead).ThenByDescending(x => x.Item.PublishedAt)
            .Select(x => new NewsView(x.Item, x.Organisation, NewsMarkdown.ToHtml(x.Item.Body), x.IsRead))
            .ToList();
    }

    public async Task<IReadOnlyList<NewsView>> PublicAsync(string territory, CancellationToken cancellationToken)
    {
        var today = Today;
        var items = await (from n in db.Set<NewsItem>().AsNoTracking()
                           join o in db.Organisations on n.OrganisationId equals o.Id
                           where n.IsPublic && n.Territory == territory && n.WithdrawnAt == null && n.ValidFrom <= today && (n.ValidUntil == null || n.ValidUntil >= today)
                           orderby n.PublishedAt descending
                           select new { Item = n, Organisation = o.Name }).Take(50).ToListAsync(cancellationToken);
        return items.Select(x => new NewsView(x.Item, x.Organisation, NewsMarkdown.ToHtml(x.Item.Body), false)).ToList();
    }

    public async Task MarkReadAsync(ClaimsPrincipal user, Guid newsItemId, CancellationToken cancellationToken)
    {
        var me = Actor.Of(user).Id;
        if (await db.Set<NewsItem>().AnyAsync(n => n.Id == newsItemId, cancellationToken)
            && !await db.Set<NewsRead>().AnyAsync(r => r.NewsItemId == newsItemId && r.AccountId == me, cancellationToken))
        {
            db.Add(new NewsRead { NewsItemId = newsItemId, AccountId = me, ReadAt = timeProvider.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Marked read meanwhile (another tab): nothing to do.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>An Atom 1.0 feed (RFC 4287) of a territory's public items.</summary>
    public static string ToAtom(string territory, string baseUrl, IReadOnlyList<NewsView> items, DateTimeOffset now)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, settings))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", ns);
            xml.WriteAttributeString("xml", "lang", null, "fr");
            xml.WriteElementString("id", ns, $"{baseUrl}/reseau/actualites/{territory}/atom.xml");
            xml.WriteElementString("title", ns, $"Actualités des partenaires — territoire {territory}");
            xml.WriteElementString("updated", ns, XmlConvert.ToString((items.Count == 0 ? now : items.Max(i => i.Item.PublishedAt)).UtcDateTime, XmlDateTimeSerializationMode.Utc));
            xml.WriteStartElement("link", ns);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", $"{baseUrl}/reseau/actualites/{territory}/atom.xml");
            xml.WriteEndElement();
            foreach (var view in items)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("id", ns, $"urn:uuid:{view.Item.Id:D}");
                xml.WriteElementString("title", ns, view.Item.Title);
                xml.WriteElementString("updated", ns, XmlConvert.ToString(view.Item.PublishedAt.UtcDateTime, XmlDateTimeSerializationMode.Utc));
                xml.WriteStartElement("author", ns);
                xml.WriteElementString("name", ns, view.Organisation);
                xml.WriteEndElement();
                xml.WriteStartElement("category", ns);
                xml.WriteAttributeString("term", view.Item.Category.ToString());
                xml.WriteAttributeString("label", Labels.Of(view.Item.Category));
                xml.WriteEndElement();
                xml.WriteStartElement("content", ns);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(view.BodyHtml);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
