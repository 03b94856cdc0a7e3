using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>Named secret values, readable by templates and never printed.</summary>
[Kind("Secret")]
public sealed record Secret : Resource<SecretSpec, ResourceStatus>;

/// <summary>The desired state of a Secret.</summary>
public sealed record SecretSpec;
