using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>A client machine that runs allocations.</summary>
[Kind("Node", ClusterScoped = true, System = true)]
public sealed record Node : Resource<NodeSpec, ResourceStatus>;

/// <summary>The desired state of a Node.</summary>
public sealed record NodeSpec;
