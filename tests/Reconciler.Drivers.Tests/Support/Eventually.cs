namespace Reconciler.Drivers.Tests.Support;

/// <summary>Polls a condition about a process or container until it holds or a deadline passes.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<T?> probe, string what, TimeSpan? within = null) where T : class
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(25);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        ValueAsync(() => condition() ? "" : null, what, within);

    /// <summary>Waits until the task's log of <paramref name="stream"/> contains <paramref name="text"/>.</summary>
    public static Task LogContainsAsync(TaskConfiguration task, Reconciler.Drivers.Logs.TaskLogStream stream, string text) =>
        TrueAsync(() => TaskDirectory.ReadLog(task, stream).Contains(text, StringComparison.Ordinal), $"'{text}' in {task.TaskName}'s {stream}");
}
