using CarteBlanche.Network.News;
using Xunit;

namespace CarteBlanche.UnitTests.Network;

public sealed class NewsMarkdownTests
{
    [Fact]
    public void Markdown_is_rendered()
    {
        var html = NewsMarkdown.ToHtml("Les montants du **RSA** changent.\n\n- premier point\n- [caf.fr](https://www.caf.fr)");

        Assert.Contains("<strong>RSA</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>premier point</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.caf.fr\">caf.fr</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("L'accueil de Cahors est **fermé** vendredi. <script>alert(1)</script>")]
    [InlineData("Le texte **gras** puis <script>alert(1)</script> au milieu d'un paragraphe")]
    [InlineData("Un <a href=\"javascript:alert(1)\">lien</a> écrit en HTML")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[cliquez](javascript:alert(1))")]
    [InlineData("![image](https://pisteur.example/pixel.png)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    public void Raw_html_scripts_and_dangerous_links_do_not_survive(string markdown)
    {
        var html = NewsMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"", html, StringComparison.OrdinalIgnoreCase);
    }
}
