using System.Runtime.CompilerServices;

namespace Reconciler.Drivers.Logs;

/// <summary>
/// Reads a task's log across its rotated files, oldest first, and optionally follows it as it is
/// written (<c>recon alloc logs -f</c>): at the end of the newest file it polls for more, and moves
/// on when the writer begins the next file. A file rotated away before it was read is skipped.
/// </summary>
public sealed class TaskLogReader(TaskLogFileSet files, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>How long a follower waits before looking for new output (default 100 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The log's bytes in chunks. Without <paramref name="follow"/> it ends at the end of the newest
    /// file; with it, it goes on until <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync(bool follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var index = await FirstIndexAsync(follow, cancellationToken);
        if (index is null) yield break;
        var stream = OpenOrNull(index.Value);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (stream is not null)
                {
                    int read;
                    while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                        yield return buffer.AsMemory(0, read).ToArray();
                }
                var next = files.ExistingIndexes().Where(i => i > index).Cast<int?>().FirstOrDefault();
                if (next is not null)
                {
                    // The writer finished this file before it began the next: drain what came since.
                    if (stream is not null)
                    {
                        int read;
                        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                            yield return buffer.AsMemory(0, read).ToArray();
                        await stream.DisposeAsync();
                    }
                    index = next;
                    stream = OpenOrNull(next.Value);
                    continue;
                }
                if (!follow) yield break;
                stream ??= OpenOrNull(index.Value);
                await Task.Delay(PollInterval, _time, cancellationToken);
            }
        }
        finally
        {
            if (stream is not null) await stream.DisposeAsync();
        }
    }

    private async Task<int?> FirstIndexAsync(bool follow, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = files.ExistingIndexes();
            if (existing.Count > 0) return existing[0];
            if (!follow) return null;
            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    private FileStream? OpenOrNull(int index)
    {
        try
        {
            return new FileStream(files.PathOf(index), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 0);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
