using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// A named set of ACL rules, after Nomad's ACL policies: what a token holding it may do per namespace, and on nodes,
/// operator and agent routes. Cluster-scoped; managed with <c>recon acl policy</c> by a management token.
/// </summary>
[Kind("AclPolicy", ClusterScoped = true, System = true)]
public sealed record AclPolicy : Resource<AclPolicySpec, ResourceStatus>;
