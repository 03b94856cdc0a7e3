using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// An ACL token, after Nomad's: its object name is the public accessor id; the secret a caller sends is never stored,
/// only its SHA-256 hash (<see cref="AclTokenSpec.SecretHash"/>). The secret is shown once, when the token is created.
/// </summary>
[Kind("AclToken", ClusterScoped = true, System = true)]
public sealed record AclToken : Resource<AclTokenSpec, ResourceStatus>;
