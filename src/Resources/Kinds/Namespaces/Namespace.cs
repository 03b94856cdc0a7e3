using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>A named partition for jobs, volumes and secrets. Cluster-scoped.</summary>
[Kind("Namespace", ClusterScoped = true)]
public sealed record Namespace : Resource<NamespaceSpec, ResourceStatus>;
