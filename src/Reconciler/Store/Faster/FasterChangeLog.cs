using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FASTER.core;
using Reconciler.Resources.Json;
using Reconciler.Store.Watch;
using Reconciler.Store.Writes;

namespace Reconciler.Store.Faster;

/// <summary>
/// The write-ahead change log on FasterLog: one record (frame) per write, in revision order. A committer
/// loop gives every write appended since the last commit one shared commit (group commit) and reports
/// the durable position. The log is also replayed on open and read back by watches older than the
/// in-memory window.
/// </summary>
internal sealed class FasterChangeLog : IWriteAheadLog, IWatchHistory
{
    private readonly FasterLog _log;
    private readonly IDevice _device;
    private readonly InPlaceLogCommitManager _commits;
    private readonly ResourceJson _json;
    private readonly int _maxFrameBytes;
    private readonly Channel<bool> _commitRequests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentQueue<(long Revision, long Address)> _revisionStarts = new();
    private readonly List<(byte[] Buffer, int Length)> _frames = [];
    private Task _committer = Task.CompletedTask;
    private long _oldestAvailable;

    public FasterChangeLog(string directory, ResourceJson json, int pageSizeBits, int maxFrameBytes)
    {
        _json = json;
        _maxFrameBytes = maxFrameBytes;
        // Preallocated (sparse) segments: a commit's write-through then does not also grow the file.
        _device = Devices.CreateLogDevice(Path.Combine(directory, "changes"), preallocateFile: true);
        _commits = new InPlaceLogCommitManager(Path.Combine(directory, "changes.commit"));
        _log = new FasterLog(new FasterLogSettings
        {
            LogDevice = _device,
            LogCommitManager = _commits,
            // A commit writes a checksummed commit record into the log and, most of the time, nothing else:
            // one synchronous write per commit. Recovery scans forward from the last metadata for it.
            FastCommitMode = true,
            LogChecksum = LogChecksumType.PerEntry,
            PageSizeBits = pageSizeBits,
            MemorySizeBits = pageSizeBits + 2,
            SegmentSizeBits = Math.Max(pageSizeBits + 2, 28),
            AutoRefreshSafeTailAddress = false,
        });
    }

    /// <summary>The address after the last durable record.</summary>
    public long CommittedUntilAddress => _log.CommittedUntilAddress;

    /// <inheritdoc />
    public long OldestAvailable => Volatile.Read(ref _oldestAvailable);

    /// <inheritdoc />
    public void Start(Action<long> onDurable, Action<Exception> onFailed) =>
        _committer = Task.Run(() => CommitLoopAsync(onDurable, onFailed));

    /// <inheritdoc />
    public long Append(WritePlan plan)
    {
        // Called under the sequencer's lock, one plan at a time, so one list of frames is reused.
        _frames.Clear();
        LogFrame.Encode(plan.Revision, plan.Changes, _maxFrameBytes, _frames);
        var address = 0L;
        for (var i = 0; i < _frames.Count; i++)
        {
            var (buffer, length) = _frames[i];
            address = _log.Enqueue(buffer.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(buffer);
            if (i == 0) _revisionStarts.Enqueue((plan.Revision, address));
        }
        return address;
    }

    /// <inheritdoc />
    public void RequestCommit() => _commitRequests.Writer.TryWrite(true);

    /// <summary>
    /// Where replay must start to redo every revision after <paramref name="appliedRevision"/>: the first
    /// frame of the next revision, or the tail when none is appended yet. Forgets older revisions.
    /// </summary>
    public long ReplayStartAfter(long appliedRevision)
    {
        var tail = _log.TailAddress;
        while (_revisionStarts.TryPeek(out var start) && start.Revision <= appliedRevision) _revisionStarts.TryDequeue(out _);
        return _revisionStarts.TryPeek(out var next) ? next.Address : tail;
    }

    /// <summary>Drops records before <paramref name="address"/>, which a checkpoint at <paramref name="revision"/> covers.</summary>
    public void TruncateUntil(long address, long revision)
    {
        Volatile.Write(ref _oldestAvailable, revision);
        _log.TruncateUntil(address);
    }

    /// <summary>Sets the oldest revision a watch can replay from the log (the checkpoint revision on open).</summary>
    public void SetOldestAvailable(long revision) => Volatile.Write(ref _oldestAvailable, revision);

    /// <summary>
    /// The complete revisions durable in the log from <paramref name="fromAddress"/> on, in order. A
    /// revision whose final frame never became durable was never acknowledged and is skipped.
    /// </summary>
    public async IAsyncEnumerable<(long Revision, List<LogChange> Changes)> ReadRevisionsAsync(long fromAddress, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var end = _log.CommittedUntilAddress;
        using var iterator = _log.Scan(Math.Max(fromAddress, _log.BeginAddress), end);
        var parts = new List<LogChange>();
        long revision = -1;
        while (true)
        {
            while (iterator.GetNext(out byte[] entry, out var length, out _))
            {
                var frame = LogFrame.Decode(entry.AsSpan(0, length));
                if (frame.Index == 0 || frame.Revision != revision) parts.Clear();
                revision = frame.Revision;
                parts.AddRange(frame.Changes);
                if (!frame.Final) continue;
                yield return (revision, parts);
                parts = [];
            }
            if (iterator.NextAddress >= end) yield break;
            await iterator.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WatchEvent> ReadAsync(long afterRevision, long untilRevision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var expected = afterRevision + 1;
        await foreach (var (revision, changes) in ReadRevisionsAsync(0, cancellationToken))
        {
            if (revision <= afterRevision) continue;
            if (revision > untilRevision) yield break;
            // A checkpoint may have truncated the range while it was being read.
            if (revision != expected) throw new CompactedException(afterRevision, OldestAvailable);
            expected++;
            foreach (var change in changes) yield return new WatchEvent(change.Type, _json.Deserialize(change.Json), revision);
        }
        if (expected <= untilRevision) throw new CompactedException(afterRevision, OldestAvailable);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _commitRequests.Writer.TryComplete();
        await _committer;
        _log.Dispose();
        _commits.Dispose();
        _device.Dispose();
    }

    private async Task CommitLoopAsync(Action<long> onDurable, Action<Exception> onFailed)
    {
        try
        {
            // Whatever was appended while the previous commit was on its way shares the next one.
            while (await _commitRequests.Reader.WaitToReadAsync())
            {
                _commitRequests.Reader.TryRead(out _);
                await _log.CommitAsync();
                onDurable(_log.CommittedUntilAddress);
            }
        }
        catch (Exception e)
        {
            onFailed(e);
        }
    }
}
