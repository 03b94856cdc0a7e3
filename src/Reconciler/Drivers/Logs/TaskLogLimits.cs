namespace Reconciler.Drivers.Logs;

/// <summary>How much log a task keeps per stream: Nomad's <c>logs { max_files, max_file_size }</c>.</summary>
public sealed record TaskLogLimits
{
    /// <summary>How many files are kept per stream (default 10); the oldest is deleted past that.</summary>
    public int MaxFiles { get; init; } = 10;

    /// <summary>The size at which a file is closed and the next one begun (default 10 MiB).</summary>
    public long MaxFileSizeBytes { get; init; } = 10 * 1024 * 1024;
}
