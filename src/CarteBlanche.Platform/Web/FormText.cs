namespace CarteBlanche.Platform.Web;

/// <summary>What a form's optional text field holds.</summary>
public static class FormText
{
    /// <summary>The text trimmed, or null when nothing but spaces was typed.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
