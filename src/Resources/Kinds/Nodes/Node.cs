using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>A client machine that runs allocations; written by the client's fingerprint and the node controller.</summary>
[Kind("Node", ClusterScoped = true, System = true)]
public sealed record Node : Resource<NodeSpec, NodeStatus>;
