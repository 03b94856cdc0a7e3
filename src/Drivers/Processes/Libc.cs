using System.Runtime.InteropServices;

namespace Reconciler.Drivers.Processes;

/// <summary>The few libc calls the process drivers need that .NET does not offer.</summary>
internal static class Libc
{
    public const int OpenReadWrite = 0x2;
    public const int OpenNonBlocking = 0x800;
    public const int OpenCloseOnExec = 0x80000;
    public const short PollIn = 0x1;
    public const int NoSuchProcess = 3;
    private const int ClockTicksName = 2;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    public static extern int MakeFifo(string path, uint mode);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    public static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static extern int Poll([In, Out] PollFd[] fds, nuint count, int timeoutMilliseconds);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    public static extern nint Read(int fd, byte[] buffer, nuint count);

    [DllImport("libc", EntryPoint = "sysconf", SetLastError = true)]
    private static extern long SystemConfiguration(int name);

    /// <summary>Clock ticks per second, the unit of /proc/PID/stat times.</summary>
    public static long ClockTicksPerSecond { get; } = Math.Max(1, SystemConfiguration(ClockTicksName));
}
