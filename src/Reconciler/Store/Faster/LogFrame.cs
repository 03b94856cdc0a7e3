using System.Buffers.Binary;
using System.Buffers;
using Reconciler.Store.Writes;

namespace Reconciler.Store.Faster;

/// <summary>
/// One record of the write-ahead log: part <see cref="Index"/> of the changes of one revision. A write
/// normally fits one frame; a large transaction or restore is split, and only a revision whose
/// <see cref="Final"/> frame is durable counts as written.
/// </summary>
internal sealed record LogFrame(long Revision, int Index, bool Final, IReadOnlyList<LogChange> Changes)
{
    private const int HeaderSize = 8 + 4 + 1 + 4;

    /// <summary>
    /// Encodes the changes of one revision into frames of at most <paramref name="maxFrameBytes"/> (unless one
    /// change alone is larger), added to <paramref name="frames"/> as buffers rented from <see cref="ArrayPool{T}.Shared"/>
    /// that the caller returns once it has copied them into the log.
    /// </summary>
    public static void Encode(long revision, IReadOnlyList<PlannedChange> changes, int maxFrameBytes, List<(byte[] Buffer, int Length)> frames)
    {
        var start = 0;
        var index = 0;
        while (start < changes.Count || index == 0)
        {
            var size = HeaderSize;
            var end = start;
            while (end < changes.Count && (end == start || size + EncodedSize(changes[end]) <= maxFrameBytes)) size += EncodedSize(changes[end++]);
            var buffer = ArrayPool<byte>.Shared.Rent(size);
            EncodeFrame(buffer, revision, index++, end == changes.Count, changes, start, end);
            frames.Add((buffer, size));
            start = end;
        }
    }

    /// <summary>Decodes a frame written by <see cref="Encode"/>.</summary>
    public static LogFrame Decode(ReadOnlySpan<byte> frame)
    {
        var revision = BinaryPrimitives.ReadInt64LittleEndian(frame);
        var index = BinaryPrimitives.ReadInt32LittleEndian(frame[8..]);
        var final = frame[12] != 0;
        var count = BinaryPrimitives.ReadInt32LittleEndian(frame[13..]);
        var changes = new LogChange[count];
        var at = HeaderSize;
        for (var i = 0; i < count; i++)
        {
            var type = (WatchEventType)frame[at];
            var keyLength = BinaryPrimitives.ReadInt32LittleEndian(frame[(at + 1)..]);
            var key = frame.Slice(at + 5, keyLength).ToArray();
            at += 5 + keyLength;
            var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(frame[at..]);
            changes[i] = new LogChange(type, key, frame.Slice(at + 4, jsonLength).ToArray());
            at += 4 + jsonLength;
        }
        return new LogFrame(revision, index, final, changes);
    }

    private static int EncodedSize(PlannedChange change) => 1 + 4 + change.KeyUtf8.Length + 4 + change.Json.Length;

    private static void EncodeFrame(Span<byte> span, long revision, int index, bool final, IReadOnlyList<PlannedChange> changes, int start, int end)
    {
        BinaryPrimitives.WriteInt64LittleEndian(span, revision);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], index);
        span[12] = final ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(span[13..], end - start);
        var at = HeaderSize;
        for (var i = start; i < end; i++)
        {
            var change = changes[i];
            span[at] = (byte)change.Type;
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 1)..], change.KeyUtf8.Length);
            change.KeyUtf8.CopyTo(span[(at + 5)..]);
            at += 5 + change.KeyUtf8.Length;
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], change.Json.Length);
            change.Json.CopyTo(span[(at + 4)..]);
            at += 4 + change.Json.Length;
        }
    }
}

/// <summary>One change as logged: its event type, the UTF-8 of the object's key (<c>ResourceKey.ToString()</c>) and its JSON (a delete logs the last state).</summary>
internal sealed record LogChange(WatchEventType Type, byte[] Key, byte[] Json);
