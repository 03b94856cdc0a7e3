using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>What a task reserves on its node.</summary>
public sealed record TaskResources
{
    /// <summary>CPU in MHz (default 100).</summary>
    [Range(1, int.MaxValue)]
    public int Cpu { get; init; } = 100;

    /// <summary>Memory in MB (default 300).</summary>
    [Range(1, int.MaxValue)]
    public int MemoryMB { get; init; } = 300;
}
