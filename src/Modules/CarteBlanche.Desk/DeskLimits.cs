namespace CarteBlanche.Desk;

/// <summary>The longest texts the desk's forms accept: shown in the forms, checked on post, equal to the columns' sizes.</summary>
public static class DeskLimits
{
    /// <summary>A name (last, first, birth name): desk_residents columns of 100.</summary>
    public const int Name = 100;
    /// <summary>A short line: the service a case is referred to, a closing reason, a hand-over note.</summary>
    public const int ShortText = 200;
    /// <summary>A need's description, an answer given back, a referral's outcome: columns of 2,000.</summary>
    public const int Text = 2000;

    /// <summary>« Le nom dépasse 100 caractères (il en a 30 000) : raccourcissez-le. »</summary>
    private static string TooLong(string what, int max, int length) =>
        $"{what} dépasse {Platform.Web.FrenchFormat.Number(max)} caractères (il y en a {Platform.Web.FrenchFormat.Number(length)}) : raccourcissez-le.";

    /// <summary>The message when a text is over its limit, else null.</summary>
    public static string? CheckLength(string? text, int max, string what) =>
        text != null && text.Trim().Length > max ? TooLong(what, max, text.Trim().Length) : null;
}
