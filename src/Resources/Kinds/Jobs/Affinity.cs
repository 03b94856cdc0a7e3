using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>A soft placement preference: matching nodes score higher (or lower, with a negative weight).</summary>
public sealed record Affinity
{
    /// <summary>The node attribute to test, e.g. <c>${node.datacenter}</c>.</summary>
    [Required]
    public string Attribute { get; init; } = "";

    /// <summary>How the attribute is compared (default <c>=</c>).</summary>
    public ConstraintOperator Operator { get; init; } = ConstraintOperator.Equal;

    /// <summary>The value compared against.</summary>
    public string? Value { get; init; }

    /// <summary>-100..100, not 0; negative weights repel (default 50).</summary>
    [Range(-100, 100)]
    public int Weight { get; init; } = 50;
}
