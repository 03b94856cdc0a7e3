using System.Security.Cryptography;
using System.Text;

namespace Reconciler.Host.Api.Security;

/// <summary>A token's secret: new ones from a cryptographic source, and the SHA-256 hash that is all the store keeps.</summary>
public static class AclSecret
{
    /// <summary>A new random id in UUID form (version 4): accessor ids and secrets both.</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>The lower-case hex SHA-256 of <paramref name="secret"/>.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
