using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CarteBlanche.Platform.Web;

/// <summary>
/// &lt;field-error for="Email" /&gt; renders the DSFR error text of a field, with id "{field}-error"
/// (for aria-describedby), or nothing when the field is valid.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public string For { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var entry = ViewContext.ViewData.ModelState[For];
        if (entry == null || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", ErrorId(For));
        output.Attributes.SetAttribute("class", "fr-error-text");
        output.Content.SetContent(entry.Errors[0].ErrorMessage);
    }

    public static string ErrorId(string field) => TagBuilder.CreateSanitizedId(field, "-") + "-error";
}

/// <summary>&lt;div class="fr-input-group" error-for="Email"&gt; adds "fr-input-group--error" when the field is invalid.</summary>
[HtmlTargetElement("div", Attributes = "error-for")]
[HtmlTargetElement("fieldset", Attributes = "error-for")]
public sealed class InputGroupErrorTagHelper : TagHelper
{
    [HtmlAttributeName("error-for")]
    public string ErrorFor { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var entry = ViewContext.ViewData.ModelState[ErrorFor];
        if (entry != null && entry.Errors.Count > 0)
        {
            var existing = output.Attributes["class"]?.Value?.ToString() ?? "";
            var group = existing.Contains("fr-select-group", StringComparison.Ordinal) ? "fr-select-group--error"
                : existing.Contains("fr-fieldset", StringComparison.Ordinal) ? "fr-fieldset--error"
                : "fr-input-group--error";
            output.Attributes.SetAttribute("class", (existing + " " + group).Trim());
        }
    }
}
