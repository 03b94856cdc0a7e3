namespace Reconciler.Drivers.Logs;

/// <summary>
/// A write-only stream over a <see cref="TaskLogFileSet"/>: appends to the highest-numbered file,
/// begins the next one when a file reaches <see cref="TaskLogLimits.MaxFileSizeBytes"/>, and deletes
/// the oldest beyond <see cref="TaskLogLimits.MaxFiles"/>. Every write is flushed, so a
/// <see cref="TaskLogReader"/> following the files sees it at once. Safe for concurrent writers.
/// </summary>
public sealed class RotatingLogWriter : Stream
{
    private readonly TaskLogFileSet _files;
    private readonly TaskLogLimits _limits;
    private readonly Lock _gate = new();
    private FileStream _current;
    private int _index;

    /// <summary>Opens the set for appending, continuing the newest existing file (an agent restart keeps its logs).</summary>
    public RotatingLogWriter(TaskLogFileSet files, TaskLogLimits limits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxFiles, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxFileSizeBytes, 1);
        _files = files;
        _limits = limits;
        Directory.CreateDirectory(files.Directory);
        var existing = files.ExistingIndexes();
        _index = existing.Count == 0 ? 0 : existing[^1];
        _current = Open(_index);
    }

    /// <summary>The index of the file being written.</summary>
    public int CurrentIndex { get { lock (_gate) return _index; } }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
        {
            while (!buffer.IsEmpty)
            {
                var room = _limits.MaxFileSizeBytes - _current.Length;
                if (room <= 0)
                {
                    Rotate();
                    continue;
                }
                var part = (int)Math.Min(room, buffer.Length);
                _current.Write(buffer[..part]);
                buffer = buffer[part..];
            }
            _current.Flush();
        }
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    private void Rotate()
    {
        _current.Dispose();
        _index++;
        _current = Open(_index);
        foreach (var old in _files.ExistingIndexes().Where(index => index <= _index - _limits.MaxFiles))
            File.Delete(_files.PathOf(old));
    }

    private FileStream Open(int index) => new(_files.PathOf(index), new FileStreamOptions
    {
        Mode = FileMode.Append,
        Access = FileAccess.Write,
        Share = FileShare.ReadWrite | FileShare.Delete,
        BufferSize = 0,
    });

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) lock (_gate) _current.Dispose();
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override void Flush() { }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
}
