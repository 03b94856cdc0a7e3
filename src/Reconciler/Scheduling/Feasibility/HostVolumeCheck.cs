using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>Every host volume the group claims is offered by the node (writable unless the claim is read-only).</summary>
public sealed class HostVolumeCheck(IReadOnlyCollection<VolumeRequest> volumes) : IFeasibilityCheck
{
    /// <inheritdoc />
    public string? WhyInfeasible(Node node)
    {
        foreach (var volume in volumes)
        {
            if (!node.Spec.HostVolumes.TryGetValue(volume.Source, out var offered)) return $"missing host volume {volume.Source}";
            if (offered.ReadOnly && !volume.ReadOnly) return $"host volume {volume.Source} is read-only";
        }
        return null;
    }
}
