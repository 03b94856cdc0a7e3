using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Numerics;
using System.Text;
using FASTER.core;
using Reconciler.Resources.Model;
using Reconciler.Store.Writes;

namespace Reconciler.Store.Faster;

/// <summary>
/// Current objects in FasterKV: key = the UTF-8 of <c>ResourceKey.ToString()</c>, value = the object's
/// JSON. Checkpoints carry a marker record saying which revision they cover and where log replay starts.
/// </summary>
internal sealed class FasterObjectState : IObjectState
{
    // No resource key starts with a NUL, so the marker can never collide with an object.
    private static readonly byte[] CheckpointMarkerKey = "\0checkpoint"u8.ToArray();

    private readonly string _checkpointDirectory;
    private readonly IDevice _device;
    private readonly FasterKV<SpanByte, SpanByte> _kv;
    private readonly ConcurrentBag<ClientSession<SpanByte, SpanByte, SpanByte, SpanByteAndMemory, Empty, SpanByteFunctions<Empty>>> _sessions = [];
    private readonly ClientSession<SpanByte, SpanByte, SpanByte, SpanByteAndMemory, Empty, SpanByteFunctions<Empty>> _writer;

    private Guid _latestCheckpoint;
    private Guid _previousCheckpoint;

    private FasterObjectState(string directory, long memoryBytes)
    {
        _checkpointDirectory = Path.Combine(directory, "checkpoints");
        _device = Devices.CreateLogDevice(Path.Combine(directory, "objects"), preallocateFile: false);
        // Pages of 4 MiB, smaller for a small memory budget so at least eight fit; one object must fit a page.
        var pageBits = Math.Clamp(BitOperations.Log2((ulong)Math.Max(memoryBytes / 8, 1)), 12, 22);
        _kv = new FasterKV<SpanByte, SpanByte>(new FasterKVSettings<SpanByte, SpanByte>
        {
            IndexSize = 1L << 24,
            LogDevice = _device,
            PageSize = 1L << pageBits,
            MemorySize = Math.Max(memoryBytes, 8L << pageBits),
            CheckpointDir = _checkpointDirectory,
            // We remove old checkpoints ourselves, keeping the one before the latest as a fallback.
            RemoveOutdatedCheckpoints = false,
        });
        _writer = NewSession();
    }

    /// <summary>
    /// Opens the objects at the newest usable checkpoint, returning the revision it covers and where log
    /// replay starts ((0, 0) for a new store). A checkpoint without its marker is unusable — a crash during
    /// a checkpoint can leave its metadata written but its data not — and the one before it is used; when
    /// the only checkpoint is unusable, everything is replayed from the log.
    /// </summary>
    public static FasterObjectState Open(string directory, long memoryBytes, out long revision, out long replayFrom)
    {
        var tokens = CheckpointTokens(Path.Combine(directory, "checkpoints"));
        foreach (var token in tokens)
        {
            var state = new FasterObjectState(directory, memoryBytes);
            try
            {
                state._kv.Recover(token);
                if (state.Read(CheckpointMarkerKey) is { } marker)
                {
                    revision = BinaryPrimitives.ReadInt64LittleEndian(marker);
                    replayFrom = BinaryPrimitives.ReadInt64LittleEndian(marker.AsSpan(8));
                    state._latestCheckpoint = token;
                    return state;
                }
            }
            catch (Exception)
            {
                // An interrupted checkpoint fails in many ways (half-written metadata, missing files); try the previous one.
            }
            state.Dispose();
        }
        // A single unusable checkpoint is the first one, interrupted: the log is truncated only once a second
        // checkpoint completes, so it still holds every revision and the store is rebuilt by replaying all of
        // it (replay refuses a log that does not start at revision 1).
        if (tokens.Count > 1)
            throw new InvalidDataException($"None of the {tokens.Count} checkpoints in {directory} can be recovered; restore the store from a snapshot.");
        // Removed, so that another interrupted checkpoint before the next good one still counts as the first.
        foreach (var token in tokens) DeleteCheckpoint(Path.Combine(directory, "checkpoints"), token);
        (revision, replayFrom) = (0, 0);
        return new FasterObjectState(directory, memoryBytes);
    }

    /// <summary>Records what the next checkpoint covers; call with applies paused so the pair is consistent.</summary>
    public void MarkCheckpoint(long revision, long replayFrom)
    {
        var marker = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(marker, revision);
        BinaryPrimitives.WriteInt64LittleEndian(marker.AsSpan(8), replayFrom);
        Upsert(CheckpointMarkerKey, marker);
    }

    /// <summary>Takes a full checkpoint (index and log); completes once it is on disk. Keeps the previous one as a fallback.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        var (success, token) = await _kv.TakeFullCheckpointAsync(CheckpointType.Snapshot, cancellationToken);
        if (!success) throw new IOException("FasterKV could not take a checkpoint (another one may be in progress).");
        (_previousCheckpoint, _latestCheckpoint) = (_latestCheckpoint, token);
        foreach (var old in CheckpointTokens(_checkpointDirectory).Where(t => t != _latestCheckpoint && t != _previousCheckpoint))
            DeleteCheckpoint(_checkpointDirectory, old);
    }

    private static void DeleteCheckpoint(string checkpointDirectory, Guid token)
    {
        foreach (var kind in new[] { "cpr-checkpoints", "index-checkpoints" })
            if (Directory.Exists(Path.Combine(checkpointDirectory, kind, token.ToString()))) Directory.Delete(Path.Combine(checkpointDirectory, kind, token.ToString()), recursive: true);
    }

    private static List<Guid> CheckpointTokens(string checkpointDirectory)
    {
        var logCheckpoints = new DirectoryInfo(Path.Combine(checkpointDirectory, "cpr-checkpoints"));
        if (!logCheckpoints.Exists) return [];
        return logCheckpoints.EnumerateDirectories()
            .Where(d => Guid.TryParse(d.Name, out _) && Directory.Exists(Path.Combine(checkpointDirectory, "index-checkpoints", d.Name)))
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Select(d => Guid.Parse(d.Name))
            .ToList();
    }

    /// <summary>
    /// The key and stamp of every current object, read by scanning FasterKV's log from its begin address,
    /// including the part paged out to disk, so the store opens whatever its size relative to memory.
    /// </summary>
    public List<(ResourceKey Key, ObjectStamp Stamp)> ScanCurrent()
    {
        // The log holds every version in address order; the last one of a key is current, or a tombstone.
        var current = new Dictionary<string, ObjectStamp>(StringComparer.Ordinal);
        using (var iterator = _kv.Log.Scan(_kv.Log.BeginAddress, _kv.Log.TailAddress))
        {
            while (iterator.GetNext(out var record))
            {
                if (record.Invalid) continue;
                var key = iterator.GetKey().AsReadOnlySpan();
                if (key.SequenceEqual(CheckpointMarkerKey)) continue;
                var text = Encoding.UTF8.GetString(key);
                if (record.Tombstone) current.Remove(text);
                else current[text] = StoredObjectJson.ReadStamp(iterator.GetValue().AsReadOnlySpan());
            }
        }
        return current.Select(pair => (ResourceKey.Parse(pair.Key), pair.Value)).ToList();
    }

    /// <inheritdoc />
    public byte[]? Read(ResourceKey key) => Read(Encoding.UTF8.GetBytes(key.ToString()));

    /// <inheritdoc />
    public void Apply(WritePlan plan)
    {
        foreach (var change in plan.Changes) Apply(change.Type, change.KeyUtf8, change.Json);
    }

    /// <summary>Applies one logged change (replay on open).</summary>
    public void Apply(WatchEventType type, byte[] key, byte[] json)
    {
        if (type == WatchEventType.Deleted) Delete(key);
        else Upsert(key, json);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        while (_sessions.TryTake(out var session)) session.Dispose();
        _kv.Dispose();
        _device.Dispose();
    }

    private ClientSession<SpanByte, SpanByte, SpanByte, SpanByteAndMemory, Empty, SpanByteFunctions<Empty>> NewSession() =>
        _kv.For(new SpanByteFunctions<Empty>()).NewSession<SpanByteFunctions<Empty>>();

    private unsafe byte[]? Read(byte[] key)
    {
        // Sessions are single-threaded; readers borrow one from the pool.
        if (!_sessions.TryTake(out var session)) session = NewSession();
        try
        {
            fixed (byte* k = key)
            {
                var keySpan = SpanByte.FromPointer(k, key.Length);
                SpanByteAndMemory output = default;
                var status = session.Read(ref keySpan, ref output);
                if (status.IsPending)
                {
                    session.CompletePendingWithOutputs(out var outputs, wait: true);
                    using (outputs)
                    {
                        if (!outputs.Next()) return null;
                        status = outputs.Current.Status;
                        output = outputs.Current.Output;
                    }
                }
                if (!status.Found) return null;
                using var memory = output.Memory;
                return output.IsSpanByte ? output.SpanByte.ToByteArray() : memory.Memory.Span[..output.Length].ToArray();
            }
        }
        finally
        {
            _sessions.Add(session);
        }
    }

    private unsafe void Upsert(byte[] key, byte[] value)
    {
        fixed (byte* k = key, v = value)
        {
            var keySpan = SpanByte.FromPointer(k, key.Length);
            var valueSpan = SpanByte.FromPointer(v, value.Length);
            _writer.Upsert(ref keySpan, ref valueSpan);
        }
    }

    private unsafe void Delete(byte[] key)
    {
        fixed (byte* k = key)
        {
            var keySpan = SpanByte.FromPointer(k, key.Length);
            _writer.Delete(ref keySpan);
        }
    }
}
