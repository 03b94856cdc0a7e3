using Reconciler.Client.Stats;
using Reconciler.Drivers;

namespace Reconciler.Client;

/// <summary>
/// What the HTTP API and CLI may do with allocations running on this client (<c>recon alloc logs</c>,
/// <c>alloc exec</c>, <c>alloc restart</c>, <c>alloc status -stats</c>): read a task's logs, run a command inside a running task,
/// restart a task or the whole allocation. Implemented by the client over its live task handles and
/// the tasks' log files; failures a person should read come back as values.
/// </summary>
public interface IAllocationAccess
{
    /// <summary>
    /// A task's stdout or stderr as chunks of bytes, oldest first, after applying the request's tail;
    /// with <see cref="LogRequest.Follow"/> it goes on until <paramref name="cancellationToken"/> is cancelled.
    /// Throws <see cref="AllocationAccessException"/> when the allocation or task is not on this client.
    /// </summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> ReadLogsAsync(LogRequest request, CancellationToken cancellationToken);

    /// <summary>Runs a command inside a running task, streaming stdin, stdout and stderr; returns its exit code.</summary>
    Task<ExecResult> ExecAsync(AllocationExecRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Restarts one task of an allocation, or every task when <paramref name="taskName"/> is null. The restart
    /// does not count against the restart policy. Returns null when done, or why it could not be done.
    /// </summary>
    Task<string?> RestartAsync(string allocationId, string? taskName, CancellationToken cancellationToken);

    /// <summary>
    /// What the allocation's running tasks use now (<c>recon alloc status -stats</c>). Throws
    /// <see cref="AllocationAccessException"/> when the allocation does not run on this client.
    /// </summary>
    Task<AllocationUsage> StatsAsync(string allocationId, CancellationToken cancellationToken);
}
