using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>A named partition for jobs, volumes and secrets.</summary>
[Kind("Namespace", ClusterScoped = true)]
public sealed record Namespace : Resource<NamespaceSpec, ResourceStatus>;

/// <summary>The desired state of a Namespace.</summary>
public sealed record NamespaceSpec;
