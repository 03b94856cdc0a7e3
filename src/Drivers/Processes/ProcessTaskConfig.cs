namespace Reconciler.Drivers.Processes;

/// <summary>The <c>config</c> of an exec or raw_exec task.</summary>
public sealed record ProcessTaskConfig
{
    /// <summary>The program: a path, or a name looked up on PATH.</summary>
    public required string Command { get; init; }

    /// <summary>Its arguments.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
}
