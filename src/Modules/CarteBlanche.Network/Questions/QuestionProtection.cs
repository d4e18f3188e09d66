using System.Text.Json;
using CarteBlanche.Desk.Contracts;
using Microsoft.AspNetCore.DataProtection;

namespace CarteBlanche.Network.Questions;

/// <summary>Resident data an agent may share with a partner, beyond names and birth date (always shared).</summary>
public enum ShareableField
{
    Phone,
    Email,
    PostalAddress,
    Nir,
    CafNumber,
    FranceTravailId,
}

/// <summary>What a partner receives about the resident: a snapshot taken when the question is sent.</summary>
public sealed record SharedResidentData(
    string FirstName,
    string LastName,
    string? BirthName,
    DateOnly BirthDate,
    string? Phone = null,
    string? Email = null,
    string? PostalAddress = null,
    string? Nir = null,
    string? CafNumber = null,
    string? FranceTravailId = null)
{
    public static string Label(ShareableField field) => field switch
    {
        ShareableField.Phone => "téléphone",
        ShareableField.Email => "adresse e-mail",
        ShareableField.PostalAddress => "adresse postale",
        ShareableField.Nir => "numéro de sécurité sociale (NIR)",
        ShareableField.CafNumber => "numéro d'allocataire CAF",
        ShareableField.FranceTravailId => "identifiant France Travail",
        _ => field.ToString(),
    };

    /// <summary>The fields the resident has a value for: the only ones the agent is offered.</summary>
    public static IReadOnlyList<ShareableField> Available(DeskResident resident) =>
        Enum.GetValues<ShareableField>().Where(f => ValueOf(resident, f) != null).ToList();

    public static SharedResidentData From(DeskResident resident, IReadOnlyCollection<ShareableField> fields) => new(
        resident.FirstName,
        resident.LastName,
        resident.BirthName,
        resident.BirthDate,
        fields.Contains(ShareableField.Phone) ? resident.Phone : null,
        fields.Contains(ShareableField.Email) ? resident.Email : null,
        fields.Contains(ShareableField.PostalAddress) ? resident.PostalAddress : null,
        fields.Contains(ShareableField.Nir) ? resident.Nir : null,
        fields.Contains(ShareableField.CafNumber) ? resident.CafNumber : null,
        fields.Contains(ShareableField.FranceTravailId) ? resident.FranceTravailId : null);

    /// <summary>"nom et prénom, date de naissance, NIR": what the journal and the partner are told was shared.</summary>
    public static string Describe(IEnumerable<ShareableField> fields) =>
        string.Join(", ", new[] { "nom et prénom", "date de naissance" }.Concat(fields.Distinct().Order().Select(Label)));

    private static string? ValueOf(DeskResident r, ShareableField field) => field switch
    {
        ShareableField.Phone => r.Phone,
        ShareableField.Email => r.Email,
        ShareableField.PostalAddress => r.PostalAddress,
        ShareableField.Nir => r.Nir,
        ShareableField.CafNumber => r.CafNumber,
        ShareableField.FranceTravailId => r.FranceTravailId,
        _ => null,
    } is { Length: > 0 } value ? value : null;
}

/// <summary>A file type recognised from its first bytes.</summary>
public sealed record SniffedType(string ContentType, string Extension);

/// <summary>Encrypts what a question keeps of the resident (shared data, attachments) and recognises attachment types from their content.</summary>
public sealed class QuestionProtection(IDataProtectionProvider provider)
{
    private readonly IDataProtector _shared = provider.CreateProtector("CarteBlanche.Network.SharedData.v1");
    private readonly IDataProtector _files = provider.CreateProtector("CarteBlanche.Network.Attachments.v1");

    public string Protect(SharedResidentData data) => _shared.Protect(JsonSerializer.Serialize(data));

    public SharedResidentData? Unprotect(string? protectedData) =>
        protectedData == null ? null : JsonSerializer.Deserialize<SharedResidentData>(_shared.Unprotect(protectedData));

    public byte[] ProtectFile(byte[] content) => _files.Protect(content);

    public byte[] UnprotectFile(byte[] content) => _files.Unprotect(content);

    /// <summary>PDF, JPEG, PNG or WebP, read from the content; null for anything else, whatever its name says.</summary>
    public static SniffedType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return new("application/pdf", ".pdf");
        }
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return new("image/jpeg", ".jpg");
        }
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return new("image/png", ".png");
        }
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return new("image/webp", ".webp");
        }
        return null;
    }
}

/// <summary>An uploaded file as the workflow receives it (from a form or the API).</summary>
public sealed record IncomingFile(string FileName, byte[] Content)
{
    /// <summary>A form's files, read into memory (their size is checked by the workflow); empty file inputs are skipped.</summary>
    public static async Task<List<IncomingFile>> ReadAllAsync(IEnumerable<Microsoft.AspNetCore.Http.IFormFile> files, CancellationToken cancellationToken)
    {
        var incoming = new List<IncomingFile>();
        foreach (var file in files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, cancellationToken);
            incoming.Add(new IncomingFile(file.FileName, stream.ToArray()));
        }
        return incoming;
    }
}
