using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;

namespace Reconciler.Store.Writes;

/// <summary>
/// A digest of an object's serialized spec. Generation is bumped when the digest changes, so two specs
/// that serialize alike count as equal whatever their in-memory form (a list instance, a default value).
/// </summary>
internal static class SpecDigest
{
    /// <summary>The first 128 bits of the SHA-256 of the spec's JSON.</summary>
    public static UInt128 Of(Resource resource)
    {
        var spec = resource.UntypedSpec;
        var json = JsonSerializer.SerializeToUtf8Bytes(spec, spec.GetType(), ResourceJson.Options);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(json, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
