using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CarteBlanche.Platform.Notifications;

public interface IEmailSender
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

public interface ISmsSender
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>E-mail over SMTP with MailKit, or into a pickup directory (development).</summary>
public sealed class MailKitEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(o.FromName, o.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        // The message id lets a resend be recognised by the receiving side too.
        mime.MessageId = $"{message.Id:N}@carteblanche";
        mime.Body = new TextPart("plain") { Text = message.Body };

        if (!string.IsNullOrWhiteSpace(o.PickupDirectory))
        {
            Directory.CreateDirectory(o.PickupDirectory);
            var path = Path.Combine(o.PickupDirectory, $"{message.Id:N}.eml");
            var temp = path + ".tmp";
            await mime.WriteToAsync(temp, cancellationToken);
            File.Move(temp, path, overwrite: true);
            return;
        }

        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        var security = o.Security switch
        {
            "None" => SecureSocketOptions.None,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "Auto" => SecureSocketOptions.Auto,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(o.Host ?? "", o.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Development SMS: each message is written as a text file, as an SMS gateway would receive it.</summary>
public sealed class DevelopmentSmsSender(IOptions<NotificationOptions> options, TimeProvider timeProvider) : ISmsSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var directory = options.Value.SmsDirectory ?? Path.Combine(Path.GetTempPath(), "carteblanche-sms");
        Directory.CreateDirectory(directory);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"To: {message.Recipient}\nDate: {timeProvider.GetUtcNow():O}\n\n{message.Body}\n");
        await File.WriteAllTextAsync(Path.Combine(directory, $"{message.Id:N}.txt"), text, cancellationToken);
    }
}
