using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>A host volume users can claim from a job group by name.</summary>
[Kind("Volume")]
public sealed record Volume : Resource<VolumeSpec, ResourceStatus>;
