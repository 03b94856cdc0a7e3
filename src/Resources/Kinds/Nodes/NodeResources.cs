namespace Reconciler.Resources.Kinds;

/// <summary>The resources a node offers in total.</summary>
public sealed record NodeResources
{
    /// <summary>CPU in MHz.</summary>
    public int Cpu { get; init; }

    /// <summary>Memory in MB.</summary>
    public int MemoryMB { get; init; }
}
