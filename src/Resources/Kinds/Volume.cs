using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>A host volume users can claim from a job group.</summary>
[Kind("Volume")]
public sealed record Volume : Resource<VolumeSpec, ResourceStatus>;

/// <summary>The desired state of a Volume.</summary>
public sealed record VolumeSpec;
