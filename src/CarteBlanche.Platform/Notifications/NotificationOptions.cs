using System.ComponentModel.DataAnnotations;

namespace CarteBlanche.Platform.Notifications;

/// <summary>Section "Smtp". With a PickupDirectory, e-mails are written there as .eml files instead of sent.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    public string? PickupDirectory { get; set; }
    public string? Host { get; set; }
    [Range(1, 65535, ErrorMessage = "Smtp:Port doit être compris entre 1 et 65535.")]
    public int Port { get; set; } = 587;
    /// <summary>None, StartTls, SslOnConnect, Auto.</summary>
    public string Security { get; set; } = "StartTls";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    [Required(ErrorMessage = "Smtp:From est obligatoire (adresse d'expédition des e-mails).")]
    [EmailAddress(ErrorMessage = "Smtp:From n'est pas une adresse e-mail valide.")]
    public string From { get; set; } = "ne-pas-repondre@carteblanche.localhost";
    public string FromName { get; set; } = "Carte Blanche";
    /// <summary>Per SMTP operation; kept well under Notifications:ClaimDuration so a slow server cannot outlive the claim.</summary>
    [Range(1, 120, ErrorMessage = "Smtp:TimeoutSeconds doit être compris entre 1 et 120.")]
    public int TimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PickupDirectory) && string.IsNullOrWhiteSpace(Host))
        {
            yield return new ValidationResult("Smtp:Host est obligatoire quand Smtp:PickupDirectory n'est pas défini.", ["Smtp:Host"]);
        }
        if (Security is not ("None" or "StartTls" or "SslOnConnect" or "Auto"))
        {
            yield return new ValidationResult("Smtp:Security doit valoir None, StartTls, SslOnConnect ou Auto.", ["Smtp:Security"]);
        }
    }
}

/// <summary>Section "Notifications": how the background sender works.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Notifications:PollInterval doit être compris entre 50 ms et 1 h.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    [Range(1, 50, ErrorMessage = "Notifications:MaxAttempts doit être compris entre 1 et 50.")]
    public int MaxAttempts { get; set; } = 8;
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00", ErrorMessage = "Notifications:FirstRetryDelay doit être compris entre 1 s et 6 h.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a claim protects a message; far longer than one SMTP exchange (see <see cref="SmtpOptions.TimeoutSeconds"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Notifications:ClaimDuration doit être compris entre 10 s et 1 h.")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);
    public bool SenderEnabled { get; set; } = true;
    /// <summary>Where the development SMS sender writes its messages.</summary>
    public string? SmsDirectory { get; set; }
}
