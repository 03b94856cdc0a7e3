using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>The share of allocations one attribute value should get.</summary>
public sealed record SpreadTarget
{
    /// <summary>The attribute value, e.g. <c>dc1</c>.</summary>
    [Required]
    public string Value { get; init; } = "";

    /// <summary>0..100 percent of the group's allocations.</summary>
    [Range(0, 100)]
    public int Percent { get; init; }
}
