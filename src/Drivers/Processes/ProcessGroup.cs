using System.Runtime.InteropServices;

namespace Reconciler.Drivers.Processes;

/// <summary>Signals a task's whole process group: the task was started as a session and group leader.</summary>
internal static class ProcessGroup
{
    /// <summary>Sends <paramref name="signal"/> to every process in the group <paramref name="groupId"/>; false when none is left.</summary>
    public static bool Signal(int groupId, int signal)
    {
        if (Libc.Kill(-groupId, signal) == 0) return true;
        var error = Marshal.GetLastPInvokeError();
        return error == Libc.NoSuchProcess
            ? false
            : throw new IOException($"kill(-{groupId}, {UnixSignal.NameOf(signal)}) failed (errno {error})");
    }
}
