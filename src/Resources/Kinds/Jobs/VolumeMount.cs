using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>Mounts one of the group's volumes into a task.</summary>
public sealed record VolumeMount
{
    /// <summary>The name of a volume in the group's volumes map.</summary>
    [Required]
    public string Volume { get; init; } = "";

    /// <summary>Where the volume appears inside the task.</summary>
    [Required]
    public string Destination { get; init; } = "";

    /// <summary>Mount read-only even when the volume is writable.</summary>
    public bool ReadOnly { get; init; }
}
