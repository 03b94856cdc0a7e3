using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>A volume a task group claims; tasks mount it by the name it has in the group's volumes map.</summary>
public sealed record VolumeRequest
{
    /// <summary>The kind of volume (only host volumes for now).</summary>
    public VolumeType Type { get; init; } = VolumeType.Host;

    /// <summary>The name of the host volume (a Volume object or a client's host volume).</summary>
    [Required]
    public string Source { get; init; } = "";

    /// <summary>Mount read-only in every task.</summary>
    public bool ReadOnly { get; init; }
}
