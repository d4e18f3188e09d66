using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
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
/// The stored form is « g1: » and the base64 of nonce, tag and the facts as a JSON object of strings.
/// </summary>
public sealed class FactCipher(RightsSecrets secrets)
{
    private const string Prefix = "g1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private byte[]? _key;

    /// <summary>The key once loaded; the codec it returns is safe on several threads.</summary>
    public async Task<FactsCodec> CodecAsync(CancellationToken cancellationToken)
    {
        _key ??= await secrets.GetOrCreateAsync("facts-key", cancellationToken);
        return new FactsCodec(_key);
    }

    /// <summary>
    /// Protects and reads the facts of many records. A campaign keeps 400,000 records' facts in memory: reading them
    /// allocated a string per key and per value, all surviving, and the collector's copies were most of the load
    /// (28 µs a record). Keys are shared, a month's value equal to the previous month's is the same string, and the
    /// cipher and buffers are reused per thread.
    /// </summary>
    public sealed class FactsCodec(byte[] key)
    {
        private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

        [ThreadStatic] private static AesGcm? t_aes;
        [ThreadStatic] private static byte[]? t_aesKey;
        [ThreadStatic] private static ArrayBufferWriter<byte>? t_json;

        public string Protect(IReadOnlyDictionary<string, string> facts)
        {
            var json = t_json ??= new ArrayBufferWriter<byte>(4096);
            json.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(json))
            {
                writer.WriteStartObject();
                foreach (var (name, value) in facts)
                {
                    writer.WriteString(name, value);
                }
                writer.WriteEndObject();
            }
            return Encrypt(Aes(key), json.WrittenSpan);
        }

        public Dictionary<string, string> Unprotect(string stored)
        {
            var rented = ArrayPool<byte>.Shared.Rent(stored.Length);
            try
            {
                var plain = Decrypt(Aes(key), stored, rented);
                var facts = new Dictionary<string, string>(StringComparer.Ordinal);
                var keys = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
                var reader = new Utf8JsonReader(plain);
                Span<char> name = stackalloc char[256];
                string? previous = null;
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new CryptographicException("Données d'un format inconnu : réimportez le fichier de l'organisme.");
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueSpan.Length > name.Length / 2)
                    {
                        throw new CryptographicException("Donnée d'un format inconnu : réimportez le fichier de l'organisme.");
                    }
                    var length = reader.CopyString(name);
                    if (!keys.TryGetValue(name[..length], out var shared))
                    {
                        shared = _keys.GetOrAdd(name[..length].ToString(), k => k);
                    }
                    reader.Read();
                    var value = previous != null && reader.ValueTextEquals(previous) ? previous : reader.GetString() ?? "";
                    facts[shared] = previous = value;
                }
                return facts;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        private static AesGcm Aes(byte[] key)
        {
            if (t_aes == null || !ReferenceEquals(t_aesKey, key))
            {
                t_aes?.Dispose();
                t_aes = new AesGcm(key, TagSize);
                t_aesKey = key;
            }
            return t_aes;
        }
    }

    internal static string Encrypt(byte[] key, string text)
    {
        using var aes = new AesGcm(key, TagSize);
        return Encrypt(aes, Encoding.UTF8.GetBytes(text));
    }

    internal static string Decrypt(byte[] key, string stored)
    {
        using var aes = new AesGcm(key, TagSize);
        return Encoding.UTF8.GetString(Decrypt(aes, stored, new byte[stored.Length]));
    }

    private static string Encrypt(AesGcm aes, ReadOnlySpan<byte> plain)
    {
        var length = NonceSize + TagSize + plain.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffer = rented.AsSpan(0, length);
            RandomNumberGenerator.Fill(buffer[..NonceSize]);
            aes.Encrypt(buffer[..NonceSize], plain, buffer[(NonceSize + TagSize)..], buffer.Slice(NonceSize, TagSize));
            return string.Create(Prefix.Length + (length + 2) / 3 * 4, rented, (chars, bytes) =>
            {
                Prefix.CopyTo(chars);
                Convert.TryToBase64Chars(bytes.AsSpan(0, length), chars[Prefix.Length..], out _);
            });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The plain bytes, written in <paramref name="work"/> (at least as long as <paramref name="stored"/>).</summary>
    private static ReadOnlySpan<byte> Decrypt(AesGcm aes, string stored, byte[] work)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)
            || !Convert.TryFromBase64Chars(stored.AsSpan(Prefix.Length), work, out var length) || length < NonceSize + TagSize)
        {
            throw new CryptographicException("Donnée chiffrée dans un format inconnu : réimportez le fichier de l'organisme.");
        }
        var buffer = work.AsSpan(0, length);
        var text = buffer[(NonceSize + TagSize)..];
        aes.Decrypt(buffer[..NonceSize], text, buffer.Slice(NonceSize, TagSize), text); // in place
        return text;
    }
}
