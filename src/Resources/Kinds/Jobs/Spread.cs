using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>Spreads a group's allocations over the values of a node attribute.</summary>
public sealed record Spread
{
    /// <summary>The node attribute whose values allocations are spread over.</summary>
    [Required]
    public string Attribute { get; init; } = "";

    /// <summary>0..100: how much this spread counts against other scoring.</summary>
    [Range(0, 100)]
    public int Weight { get; init; }

    /// <summary>Desired shares per value; without targets, allocations are spread evenly.</summary>
    public IReadOnlyList<SpreadTarget> Targets { get; init; } = [];
}
