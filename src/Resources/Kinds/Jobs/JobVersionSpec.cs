namespace Reconciler.Resources.Kinds;

/// <summary>What a <see cref="JobVersion"/> records.</summary>
public sealed record JobVersionSpec
{
    /// <summary>The name of the job, in the version's namespace.</summary>
    public string Job { get; init; } = "";

    /// <summary>The job's metadata.generation this version was.</summary>
    public long Version { get; init; }

    /// <summary>The job's spec at that version.</summary>
    public JobSpec Spec { get; init; } = new();

    /// <summary>A deployment of this version completed successfully: auto-revert may go back to it.</summary>
    public bool Stable { get; init; }
}
