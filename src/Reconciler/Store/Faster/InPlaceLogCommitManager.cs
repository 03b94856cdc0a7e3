using System.Buffers.Binary;
using System.Numerics;
using FASTER.core;
using Microsoft.Win32.SafeHandles;

namespace Reconciler.Store.Faster;

/// <summary>
/// Keeps FasterLog's commit metadata in one preallocated file with two fixed slots, overwritten in place
/// and in turn, instead of FASTER's default of creating a new file per commit and deleting the old one
/// (a file create, a synchronous write and an unlink on every commit).
/// </summary>
/// <remarks>
/// <para>
/// Each slot carries a sequence number and a CRC-32C over its content. A write is synchronous
/// (write-through) and goes to the slot not holding the newest metadata, so a write torn by a crash
/// leaves the other slot intact; recovery lists the valid slots newest first.
/// </para>
/// <para>
/// With <c>FastCommitMode</c> FasterLog writes a checksummed commit record into the log itself and recovers
/// by scanning forward from the newest metadata for commit records, so most commits need no metadata write
/// at all: one synchronous write of the log tail per commit. Metadata is still written when FASTER forces
/// it, when the log's begin address moved (truncation: recovery must not start in a segment that is being
/// deleted) and every <see cref="WriteEveryCommits"/> commits, which bounds the scan on open.
/// </para>
/// </remarks>
internal sealed class InPlaceLogCommitManager : ILogCommitManager
{
    /// <summary>Bytes per slot; FasterLog's metadata without named iterators or cookies is well under 100.</summary>
    public const int SlotSize = 4096;

    /// <summary>Without a reason to write earlier, metadata is written once per this many commits.</summary>
    public const int WriteEveryCommits = 1024;

    private const uint Magic = 0x434C4352; // "RCLC"
    private const int HeaderSize = 4 + 4 + 8 + 8 + 4; // magic, crc, sequence, commit number, length

    private readonly SafeFileHandle _file;
    private readonly Lock _gate = new();
    private readonly byte[] _slot = GC.AllocateArray<byte>(SlotSize, pinned: true);
    private long _sequence;
    private int _newestSlot;
    private long _writtenBeginAddress = -1;
    private int _commitsSinceWrite;

    /// <summary>Opens (or creates, with both slots empty) the commit file at <paramref name="path"/>.</summary>
    public InPlaceLogCommitManager(string path)
    {
        var exists = File.Exists(path) && new FileInfo(path).Length >= 2 * SlotSize;
        _file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, FileOptions.WriteThrough);
        if (!exists)
        {
            // Both slots written once, so later writes overwrite allocated blocks and change no file size.
            RandomAccess.Write(_file, new byte[2 * SlotSize], 0);
            RandomAccess.FlushToDisk(_file);
        }
        foreach (var (slot, sequence, _, _) in ReadValidSlots())
            if (sequence > _sequence) (_sequence, _newestSlot) = (sequence, slot);
    }

    /// <summary>How many metadata writes reached the file (for tests and measurements).</summary>
    public int MetadataWrites { get; private set; }

    /// <inheritdoc />
    public void Commit(long beginAddress, long untilAddress, byte[] commitMetadata, long commitNum, bool forceWriteMetadata)
    {
        lock (_gate)
        {
            var due = forceWriteMetadata || beginAddress != _writtenBeginAddress || ++_commitsSinceWrite >= WriteEveryCommits;
            if (!due) return;
            if (commitMetadata.Length > SlotSize - HeaderSize)
                throw new InvalidOperationException($"FasterLog commit metadata of {commitMetadata.Length} bytes does not fit a {SlotSize}-byte slot; named iterators and cookies are not supported.");

            var slot = _sequence == 0 ? 0 : 1 - _newestSlot;
            var span = _slot.AsSpan();
            span.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
            BinaryPrimitives.WriteInt64LittleEndian(span[8..], _sequence + 1);
            BinaryPrimitives.WriteInt64LittleEndian(span[16..], commitNum);
            BinaryPrimitives.WriteInt32LittleEndian(span[24..], commitMetadata.Length);
            commitMetadata.CopyTo(span[HeaderSize..]);
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Checksum(span[8..(HeaderSize + commitMetadata.Length)]));
            RandomAccess.Write(_file, _slot, (long)slot * SlotSize);

            (_sequence, _newestSlot) = (_sequence + 1, slot);
            _writtenBeginAddress = beginAddress;
            _commitsSinceWrite = 0;
            MetadataWrites++;
        }
    }

    /// <inheritdoc />
    public byte[] GetCommitMetadata(long commitNum)
    {
        // FASTER asks for the commits ListCommits offered; a missing one reads as null ("not available").
        foreach (var (_, _, number, metadata) in ReadValidSlots())
            if (number == commitNum) return metadata;
        return null!;
    }

    /// <inheritdoc />
    public IEnumerable<long> ListCommits() =>
        ReadValidSlots().OrderByDescending(s => s.Sequence).Select(s => s.CommitNum).ToList();

    /// <inheritdoc />
    public void RemoveCommit(long commitNum)
    {
        // Both slots are kept as fallbacks; they are overwritten in turn, never removed one by one.
    }

    /// <inheritdoc />
    public void RemoveAllCommits()
    {
        lock (_gate)
        {
            RandomAccess.Write(_file, new byte[2 * SlotSize], 0);
            (_sequence, _newestSlot, _writtenBeginAddress) = (0, 0, -1);
        }
    }

    /// <inheritdoc />
    public void OnRecovery(long commitNum)
    {
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    private List<(int Slot, long Sequence, long CommitNum, byte[] Metadata)> ReadValidSlots()
    {
        var valid = new List<(int, long, long, byte[])>(2);
        var buffer = new byte[SlotSize];
        for (var slot = 0; slot < 2; slot++)
        {
            if (RandomAccess.Read(_file, buffer, (long)slot * SlotSize) < SlotSize) continue;
            var span = buffer.AsSpan();
            if (BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic) continue;
            var length = BinaryPrimitives.ReadInt32LittleEndian(span[24..]);
            if (length is < 0 or > SlotSize - HeaderSize) continue;
            if (BinaryPrimitives.ReadUInt32LittleEndian(span[4..]) != Checksum(span[8..(HeaderSize + length)])) continue;
            valid.Add((slot, BinaryPrimitives.ReadInt64LittleEndian(span[8..]), BinaryPrimitives.ReadInt64LittleEndian(span[16..]), span.Slice(HeaderSize, length).ToArray()));
        }
        return valid;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        var at = 0;
        for (; at + 8 <= data.Length; at += 8) crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[at..]));
        for (; at < data.Length; at++) crc = BitOperations.Crc32C(crc, data[at]);
        return ~crc;
    }
}
