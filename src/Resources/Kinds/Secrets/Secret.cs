using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// Named secret values, read by task templates. The values are stored, but never shown: the spec
/// prints keys only, the display writer redacts them, and errors never quote them.
/// </summary>
[Kind("Secret")]
public sealed record Secret : Resource<SecretSpec, ResourceStatus>;
