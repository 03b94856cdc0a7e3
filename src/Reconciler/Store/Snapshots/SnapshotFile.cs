using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;

namespace Reconciler.Store.Snapshots;

/// <summary>
/// The snapshot file format. Little-endian: the magic <c>RECONSNP</c>, format version (int32), revision
/// (int64), creation time (int64 Unix milliseconds), object count (int64); then each object as a length
/// (int32) and its JSON; then a SHA-256 over every byte before it. Reading verifies all of it.
/// </summary>
public static class SnapshotFile
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int FormatVersion = 1;

    private const int HeaderSize = 8 + 4 + 8 + 8 + 8;
    private const int MaxObjectBytes = 64 << 20;
    private static readonly byte[] Magic = "RECONSNP"u8.ToArray();

    /// <summary>
    /// Reads and verifies a snapshot and describes it — revision, creation time, size, a count per kind —
    /// without a store and without revealing any object's content (snapshots hold secrets).
    /// Throws <see cref="SnapshotFormatException"/> when the file is corrupt, truncated or of an unknown format.
    /// </summary>
    public static async ValueTask<SnapshotInfo> InspectAsync(Stream source, CancellationToken cancellationToken = default) =>
        (await ReadAsync(source, keepObjects: false, cancellationToken)).Info;

    /// <summary>Writes a snapshot of <paramref name="objects"/> (their JSON) taken at <paramref name="revision"/>.</summary>
    public static async ValueTask<SnapshotInfo> WriteAsync(Stream destination, long revision, DateTimeOffset createdAt, IReadOnlyList<byte[]> objects, CancellationToken cancellationToken = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(12), revision);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(20), createdAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(28), objects.Count);
        await WriteHashedAsync(destination, hash, header, cancellationToken);

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var length = new byte[4];
        long size = HeaderSize;
        foreach (var json in objects)
        {
            BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
            await WriteHashedAsync(destination, hash, length, cancellationToken);
            await WriteHashedAsync(destination, hash, json, cancellationToken);
            size += length.Length + json.Length;
            Count(counts, json);
        }
        await destination.WriteAsync(hash.GetHashAndReset(), cancellationToken);
        await destination.FlushAsync(cancellationToken);
        return new SnapshotInfo(FormatVersion, revision, DateTimeOffset.FromUnixTimeMilliseconds(createdAt.ToUnixTimeMilliseconds()), size + SHA256.HashSizeInBytes, counts);
    }

    /// <summary>Reads and verifies a whole snapshot, returning its description and its objects' JSON.</summary>
    internal static async ValueTask<(SnapshotInfo Info, IReadOnlyList<byte[]> Objects)> ReadAsync(Stream source, bool keepObjects, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = await ReadHashedAsync(source, hash, HeaderSize, "header", cancellationToken);
        if (!header.AsSpan(0, 8).SequenceEqual(Magic))
            throw new SnapshotFormatException("This is not a Reconciler snapshot: it does not start with RECONSNP. Check the file name.");
        var version = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        if (version != FormatVersion)
            throw new SnapshotFormatException($"The snapshot has format version {version}; this build reads version {FormatVersion}. Use a matching version of recon.");
        var revision = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(12));
        var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(20)));
        var count = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(28));
        if (count < 0 || revision < 0)
            throw new SnapshotFormatException($"The snapshot header is corrupt (object count {count}, revision {revision}); the file cannot be used.");

        var objects = new List<byte[]>();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long size = HeaderSize;
        for (long i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(await ReadHashedAsync(source, hash, 4, $"the length of object {i + 1} of {count}", cancellationToken));
            if (length is <= 0 or > MaxObjectBytes)
                throw new SnapshotFormatException($"Object {i + 1} of {count} claims {length} bytes, which cannot be right: the snapshot is corrupt.");
            var json = await ReadHashedAsync(source, hash, length, $"object {i + 1} of {count}", cancellationToken);
            size += 4 + length;
            if (keepObjects) objects.Add(json);
            Count(counts, json);
        }

        var expected = hash.GetHashAndReset();
        var trailer = await ReadExactlyAsync(source, expected.Length, "the SHA-256 trailer", cancellationToken);
        if (!trailer.AsSpan().SequenceEqual(expected))
            throw new SnapshotFormatException("The snapshot's SHA-256 does not match its content: the file is corrupt. Use another copy.");
        if (source.CanSeek && source.Position != source.Length)
            throw new SnapshotFormatException($"The snapshot has {source.Length - source.Position} unexpected bytes after its trailer: the file is corrupt.");
        return (new SnapshotInfo(FormatVersion, revision, createdAt, size + expected.Length, counts), objects);
    }

    private static void Count(SortedDictionary<string, int> counts, byte[] json)
    {
        var kind = ReadKind(json);
        counts[kind] = counts.GetValueOrDefault(kind) + 1;
    }

    private static string ReadKind(byte[] json)
    {
        try
        {
            // Only the top-level "kind" is read; values are skipped so no content is ever decoded.
            var reader = new Utf8JsonReader(json);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isKind = reader.ValueTextEquals("kind"u8);
                    reader.Read();
                    if (isKind && reader.TokenType == JsonTokenType.String) return reader.GetString()!;
                    reader.Skip();
                }
        }
        catch (JsonException) { }
        throw new SnapshotFormatException("An object in the snapshot is not a resource with a 'kind': the snapshot is corrupt.");
    }

    private static async ValueTask WriteHashedAsync(Stream destination, IncrementalHash hash, byte[] bytes, CancellationToken cancellationToken)
    {
        hash.AppendData(bytes);
        await destination.WriteAsync(bytes, cancellationToken);
    }

    private static async ValueTask<byte[]> ReadHashedAsync(Stream source, IncrementalHash hash, int count, string what, CancellationToken cancellationToken)
    {
        var bytes = await ReadExactlyAsync(source, count, what, cancellationToken);
        hash.AppendData(bytes);
        return bytes;
    }

    private static async ValueTask<byte[]> ReadExactlyAsync(Stream source, int count, string what, CancellationToken cancellationToken)
    {
        var bytes = new byte[count];
        try
        {
            await source.ReadExactlyAsync(bytes, cancellationToken);
        }
        catch (EndOfStreamException)
        {
            throw new SnapshotFormatException($"The snapshot ends before {what}: the file is truncated. Use a complete copy.");
        }
        return bytes;
    }
}
