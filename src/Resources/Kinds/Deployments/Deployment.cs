using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>The rollout of one job version: created by the scheduler, driven by the deployment controller.</summary>
[Kind("Deployment", System = true)]
public sealed record Deployment : Resource<DeploymentSpec, DeploymentStatus>;
