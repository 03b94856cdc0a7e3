using System.Buffers.Binary;
using System.Text;

namespace Reconciler.Store.Faster;

/// <summary>
/// One record of the write-ahead log: part <see cref="Index"/> of the changes of one revision. A write
/// normally fits one frame; a large transaction or restore is split, and only a revision whose
/// <see cref="Final"/> frame is durable counts as written.
/// </summary>
internal sealed record LogFrame(long Revision, int Index, bool Final, IReadOnlyList<LogChange> Changes)
{
    private const int HeaderSize = 8 + 4 + 1 + 4;

    /// <summary>Encodes the changes of one revision into frames of at most <paramref name="maxFrameBytes"/> (unless one change alone is larger).</summary>
    public static List<byte[]> Encode(long revision, IReadOnlyList<LogChange> changes, int maxFrameBytes)
    {
        var frames = new List<byte[]>(1);
        var start = 0;
        while (start < changes.Count || frames.Count == 0)
        {
            var size = HeaderSize;
            var end = start;
            while (end < changes.Count && (end == start || size + changes[end].EncodedSize <= maxFrameBytes)) size += changes[end++].EncodedSize;
            frames.Add(EncodeFrame(revision, frames.Count, end == changes.Count, changes, start, end, size));
            start = end;
        }
        return frames;
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
            var key = Encoding.UTF8.GetString(frame.Slice(at + 5, keyLength));
            at += 5 + keyLength;
            var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(frame[at..]);
            changes[i] = new LogChange(type, key, frame.Slice(at + 4, jsonLength).ToArray());
            at += 4 + jsonLength;
        }
        return new LogFrame(revision, index, final, changes);
    }

    private static byte[] EncodeFrame(long revision, int index, bool final, IReadOnlyList<LogChange> changes, int start, int end, int size)
    {
        var frame = new byte[size];
        var span = frame.AsSpan();
        BinaryPrimitives.WriteInt64LittleEndian(span, revision);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], index);
        span[12] = final ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(span[13..], end - start);
        var at = HeaderSize;
        for (var i = start; i < end; i++)
        {
            var change = changes[i];
            span[at] = (byte)change.Type;
            var keyLength = Encoding.UTF8.GetBytes(change.Key, span[(at + 5)..]);
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 1)..], keyLength);
            at += 5 + keyLength;
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], change.Json.Length);
            change.Json.CopyTo(span[(at + 4)..]);
            at += 4 + change.Json.Length;
        }
        return frame;
    }
}

/// <summary>One change as logged: its event type, the object's key (<c>ResourceKey.ToString()</c>) and its JSON (a delete logs the last state).</summary>
internal sealed record LogChange(WatchEventType Type, string Key, byte[] Json)
{
    /// <summary>Bytes the change takes in a frame.</summary>
    public int EncodedSize => 1 + 4 + Encoding.UTF8.GetByteCount(Key) + 4 + Json.Length;
}
