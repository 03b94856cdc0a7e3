using Microsoft.Extensions.Logging;

using Reconciler.Clients;
using Reconciler.Informers;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Reconciliation;

/// <summary>
/// What a reconcile may use besides the object: the read cache, the client for writes (status with optimistic
/// concurrency, finalizers, other objects), condition helpers on the runtime's clock, and a logger scoped to the key.
/// </summary>
/// <param name="key">The key being reconciled.</param>
/// <param name="controller">The name of the controller reconciling it.</param>
/// <param name="client">Writes with the finalizer protocol and optimistic concurrency.</param>
/// <param name="cache">The informer's read cache.</param>
/// <param name="logger">A logger for this controller.</param>
/// <param name="time">The runtime's clock.</param>
/// <param name="failures">How many times in a row this key has failed before this reconcile.</param>
public sealed class ReconcileContext(ResourceKey key, string controller, ResourceClient client, ResourceCache cache, ILogger logger, TimeProvider time, int failures)
{
    /// <summary>The key being reconciled.</summary>
    public ResourceKey Key { get; } = key;

    /// <summary>The name of the controller reconciling it.</summary>
    public string Controller { get; } = controller;

    /// <summary>Writes through the runtime's protocols (apply, delete with finalizers, status, finalizers).</summary>
    public ResourceClient Client { get; } = client;

    /// <summary>The store itself, for reads that must not come from the cache.</summary>
    public IResourceStore Store => Client.Store;

    /// <summary>The informer's read cache of every watched kind.</summary>
    public ResourceCache Cache { get; } = cache;

    /// <summary>A logger for the controller.</summary>
    public ILogger Logger { get; } = logger;

    /// <summary>The runtime's clock; use it rather than <see cref="DateTimeOffset.UtcNow"/> so tests can control time.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>How many times in a row this key has failed before this reconcile (0 after a success).</summary>
    public int Failures { get; } = failures;

    /// <summary>
    /// Writes the status <paramref name="resource"/> carries if the object is still at the version it was read
    /// at; returns <see cref="WriteOutcome.Conflict"/> otherwise (the newer version is queued anyway).
    /// </summary>
    public ValueTask<WriteResult<T>> UpdateStatusAsync<T>(T resource, CancellationToken cancellationToken) where T : Resource =>
        Client.UpdateStatusAsync(resource, cancellationToken);

    /// <summary>A copy of <paramref name="resource"/> marked Ready at its generation (see <see cref="ResourceConditions.MarkReady"/>).</summary>
    public T MarkReady<T>(T resource, string reason, string message) where T : Resource =>
        ResourceConditions.MarkReady(resource, reason, message, Time.GetUtcNow());

    /// <summary>A copy of <paramref name="resource"/> marked Reconciling at its generation.</summary>
    public T MarkReconciling<T>(T resource, string reason, string message) where T : Resource =>
        ResourceConditions.MarkReconciling(resource, reason, message, Time.GetUtcNow());

    /// <summary>A copy of <paramref name="resource"/> marked Stalled at its generation.</summary>
    public T MarkStalled<T>(T resource, string reason, string message) where T : Resource =>
        ResourceConditions.MarkStalled(resource, reason, message, Time.GetUtcNow());
}
