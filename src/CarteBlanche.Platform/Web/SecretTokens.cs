using System.Security.Cryptography;
using System.Text;

namespace CarteBlanche.Platform.Web;

/// <summary>
/// The secrets handed out in links and keys (unsubscribe, survey, personal links, API keys): random bytes in URL-safe
/// base64, and the SHA-256 hash that is all the database keeps of them.
/// </summary>
public static class SecretTokens
{
    /// <summary>A fresh token of <paramref name="bytes"/> random bytes, URL-safe base64 without padding (24 bytes: 32 characters, short enough for an SMS).</summary>
    public static string New(int bytes = 24) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>The lowercase hex SHA-256 of the token's UTF-8 bytes.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
