namespace Reconciler.Clients;

/// <summary>What a delete request through <see cref="ResourceClient.DeleteAsync(Reconciler.Resources.Model.ResourceKey, CancellationToken)"/> did.</summary>
public enum DeleteOutcome
{
    /// <summary>The object did not exist.</summary>
    NotFound,
    /// <summary>The object had no finalizers and is gone.</summary>
    Deleted,
    /// <summary>The object has finalizers: it is marked with a deletion timestamp and goes away when they are removed.</summary>
    Terminating,
}
