using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>The progress of a job version's rollout.</summary>
[Kind("Deployment", System = true)]
public sealed record Deployment : Resource<DeploymentSpec, ResourceStatus>;

/// <summary>The desired state of a Deployment.</summary>
public sealed record DeploymentSpec;
