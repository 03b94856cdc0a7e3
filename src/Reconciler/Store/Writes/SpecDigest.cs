using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Reconciler.Store.Writes;

/// <summary>
/// A digest of an object's serialized spec. Generation is bumped when the digest changes, so two specs
/// that serialize alike count as equal whatever their in-memory form (a list instance, a default value).
/// </summary>
/// <remarks>
/// The digest is taken over the spec's slice of the object's stored JSON (<see cref="StoredObjectJson.Locate"/>),
/// so a write serializes its object once, and the index can be rebuilt on open from the stored bytes.
/// </remarks>
internal static class SpecDigest
{
    /// <summary>The first 128 bits of the SHA-256 of the spec's JSON.</summary>
    public static UInt128 Of(ReadOnlySpan<byte> specJson)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(specJson, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
