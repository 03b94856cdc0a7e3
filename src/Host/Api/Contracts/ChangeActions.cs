namespace Reconciler.Host.Api.Contracts;

/// <summary>The values of <see cref="ObjectChange.Action"/>, as kubectl prints them.</summary>
public static class ChangeActions
{
    /// <summary>The object did not exist and was (or would be) created.</summary>
    public const string Created = "created";
    /// <summary>The object existed and its spec, labels or annotations were (or would be) replaced.</summary>
    public const string Configured = "configured";
    /// <summary>The object already was as applied; nothing was written.</summary>
    public const string Unchanged = "unchanged";
    /// <summary>An earlier apply created the object and it is no longer in the manifests: deleted by <c>--prune</c>.</summary>
    public const string Pruned = "pruned";
    /// <summary>The object was deleted.</summary>
    public const string Deleted = "deleted";
    /// <summary>The object has finalizers: it is marked for deletion and goes when its controllers are done.</summary>
    public const string Terminating = "terminating";
    /// <summary>The object did not exist.</summary>
    public const string NotFound = "notFound";
}
