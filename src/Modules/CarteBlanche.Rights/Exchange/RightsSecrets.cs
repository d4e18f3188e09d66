using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace CarteBlanche.Rights.Exchange;

/// <summary>
/// The module's keys (the NIR hash key, the shared facts' key), 32 random bytes each, kept in <c>rights_secrets</c>
/// protected by the app's data-protection keys: a copy of the database alone reads nothing.
/// </summary>
public sealed class RightsSecrets(CarteBlancheDbContext db, IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CarteBlanche.Rights.Secrets.v1");

    public async Task<byte[]> GetOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await db.Set<RightsSecret>().AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (stored != null)
        {
            return Convert.FromBase64String(_protector.Unprotect(stored.ProtectedValue));
        }
        var fresh = RandomNumberGenerator.GetBytes(32);
        var secret = new RightsSecret { Name = name, ProtectedValue = _protector.Protect(Convert.ToBase64String(fresh)) };
        db.Add(secret);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return fresh;
        }
        catch (DbUpdateException)
        {
            // Another instance created it first: use theirs.
            db.Entry(secret).State = EntityState.Detached;
            stored = await db.Set<RightsSecret>().AsNoTracking().SingleAsync(s => s.Name == name, cancellationToken);
            return Convert.FromBase64String(_protector.Unprotect(stored.ProtectedValue));
        }
    }
}

/// <summary>The NIR as a keyed hash (HMAC-SHA256): equal NIRs match, and the NIR cannot be read back.</summary>
public sealed class NirHasher(RightsSecrets secrets)
{
    private byte[]? _key;

    public async Task<Func<string, string>> HasherAsync(CancellationToken cancellationToken)
    {
        _key ??= await secrets.GetOrCreateAsync("nir-hash-key", cancellationToken);
        var key = _key;
        return nir => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(nir)));
    }
}

/// <summary>
/// Encrypts the shared facts at rest with AES-256-GCM under the module's facts key. Data Protection, used first,
/// derives a key per payload: 20–40 µs a record, most of an import of 100,000 records; AES-GCM takes about 1 µs.
/// </summary>
public sealed class FactCipher(RightsSecrets secrets)
{
    private const string Prefix = "g1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private byte[]? _key;

    /// <summary>The key once loaded; the functions it returns are safe on several threads.</summary>
    public async Task<(Func<string, string> Encrypt, Func<string, string> Decrypt)> CipherAsync(CancellationToken cancellationToken)
    {
        _key ??= await secrets.GetOrCreateAsync("facts-key", cancellationToken);
        var key = _key;
        return (text => Encrypt(key, text), stored => Decrypt(key, stored));
    }

    internal static string Encrypt(byte[] key, string text)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var buffer = new byte[NonceSize + TagSize + plain.Length];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize));
        return Prefix + Convert.ToBase64String(buffer);
    }

    internal static string Decrypt(byte[] key, string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Donnée chiffrée dans un format inconnu : réimportez le fichier de l'organisme.");
        }
        var buffer = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[buffer.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
