using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>The desired state of a <see cref="Volume"/>.</summary>
public sealed record VolumeSpec
{
    /// <summary>The kind of volume (only host volumes for now).</summary>
    public VolumeType Type { get; init; } = VolumeType.Host;

    /// <summary>The absolute directory on the node that backs the volume.</summary>
    [Required]
    public string Path { get; init; } = "";

    /// <summary>Only read-only mounts are allowed.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>When not empty, only nodes of these node classes offer the volume.</summary>
    public IReadOnlyList<string> NodeClasses { get; init; } = [];
}
