using System.Runtime.InteropServices;

namespace Reconciler.Drivers.Processes;

/// <summary>
/// Copies what a task writes to a named pipe into its rotated log files.
/// </summary>
/// <remarks>
/// The task opens the pipe read-write, so it always has a reader: while the agent is down its
/// writes fill the pipe's buffer and then wait, instead of killing it with SIGPIPE, and a recovered
/// agent opens the pipe again and carries on. The pump opens it read-write and non-blocking too,
/// so opening never waits, and polls it; it stops after the task exited and the pipe ran dry.
/// </remarks>
internal sealed class FifoLogPump : IAsyncDisposable
{
    private readonly int _fd;
    private readonly Stream _destination;
    private readonly Task _loop;
    private volatile bool _stopping;
    private int _disposed;

    private FifoLogPump(int fd, Stream destination)
    {
        _fd = fd;
        _destination = destination;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Creates the pipe when missing (mode 0600) and starts copying from it.</summary>
    public static FifoLogPump Start(string fifoPath, Stream destination)
    {
        if (!File.Exists(fifoPath) && Libc.MakeFifo(fifoPath, Convert.ToUInt32("600", 8)) != 0)
            throw new IOException($"mkfifo {fifoPath} failed (errno {Marshal.GetLastPInvokeError()})");
        var fd = Libc.Open(fifoPath, Libc.OpenReadWrite | Libc.OpenNonBlocking | Libc.OpenCloseOnExec);
        if (fd < 0) throw new IOException($"opening {fifoPath} failed (errno {Marshal.GetLastPInvokeError()})");
        return new FifoLogPump(fd, destination);
    }

    /// <summary>Copies what is still in the pipe, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stopping = true;
        await _loop;
        Libc.Close(_fd);
        await _destination.DisposeAsync();
    }

    private void Run()
    {
        var buffer = new byte[64 * 1024];
        var poll = new[] { new Libc.PollFd { Fd = _fd, Events = Libc.PollIn } };
        while (true)
        {
            var stopping = _stopping;
            poll[0].Revents = 0;
            var ready = Libc.Poll(poll, 1, stopping ? 0 : 100);
            if (ready > 0 && (poll[0].Revents & Libc.PollIn) != 0)
            {
                var read = Libc.Read(_fd, buffer, (nuint)buffer.Length);
                if (read > 0)
                {
                    _destination.Write(buffer, 0, (int)read);
                    continue;
                }
            }
            if (stopping) return;
        }
    }
}
