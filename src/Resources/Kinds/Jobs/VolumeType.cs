namespace Reconciler.Resources.Kinds;

/// <summary>Where a volume comes from.</summary>
public enum VolumeType
{
    /// <summary>A directory on the node.</summary>
    Host,
}
