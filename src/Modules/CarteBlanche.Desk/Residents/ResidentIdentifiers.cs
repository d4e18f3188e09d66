using Microsoft.AspNetCore.DataProtection;

namespace CarteBlanche.Desk.Residents;

/// <summary>Encrypts the resident's identifiers (NIR, CAF number, France Travail identifier) at rest.</summary>
public sealed class ResidentIdentifiers(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CarteBlanche.Desk.ResidentIdentifiers.v1");

    public string? Protect(string? value) => string.IsNullOrWhiteSpace(value) ? null : _protector.Protect(value.Trim());

    public string? Unprotect(string? value) => value == null ? null : _protector.Unprotect(value);
}
