namespace Reconciler.Queue;

/// <summary>
/// A cheap "something changed" signal shared by the queues and the informer of one runtime, so that code
/// waiting for the runtime to go idle can await a change instead of polling.
/// </summary>
public sealed class ActivitySignal
{
    private TaskCompletionSource? _next;

    /// <summary>A task that completes at the next <see cref="Notify"/>; take it before checking state.</summary>
    public Task NextChange
    {
        get
        {
            var current = Volatile.Read(ref _next);
            if (current is not null) return current.Task;
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return (Interlocked.CompareExchange(ref _next, created, null) ?? created).Task;
        }
    }

    /// <summary>Wakes everyone waiting on <see cref="NextChange"/>. Costs nothing when no one waits.</summary>
    public void Notify() => Interlocked.Exchange(ref _next, null)?.TrySetResult();
}
