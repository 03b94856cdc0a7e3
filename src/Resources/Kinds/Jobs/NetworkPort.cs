using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>One port of a task group's network.</summary>
public sealed record NetworkPort
{
    /// <summary>The name services, checks and <c>${RECON_PORT_label}</c> refer to; letters, digits and '_'.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_]+$", ErrorMessage = "must contain only letters, digits and '_' because it becomes part of the variable RECON_PORT_<label>")]
    public string Label { get; init; } = "";

    /// <summary>A fixed host port; null asks for a dynamic one.</summary>
    [Range(1, 65535)]
    public int? Static { get; init; }

    /// <summary>The port inside the task's network namespace the host port maps to.</summary>
    [Range(1, 65535)]
    public int? To { get; init; }
}
