namespace Reconciler.Drivers;

/// <summary>A host path made visible inside a task, resolved from the group's volumes.</summary>
public sealed record TaskMount
{
    /// <summary>The path on the host.</summary>
    public required string HostPath { get; init; }

    /// <summary>Where it appears inside the task (a container path; processes see the host path).</summary>
    public required string TaskPath { get; init; }

    /// <summary>Mount read-only.</summary>
    public bool ReadOnly { get; init; }
}
