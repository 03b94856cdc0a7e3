using Polly.Retry;

using Reconciler.Informers;
using Reconciler.Queue;
using Reconciler.Reconciliation;
using Reconciler.Resources.Model;

namespace Reconciler.Controllers;

/// <summary>How one controller of <typeparamref name="TResource"/> runs: workers, resync, predicates, finalizers, backoff.</summary>
/// <typeparam name="TResource">The kind the controller reconciles.</typeparam>
public sealed class ControllerOptions<TResource> where TResource : Resource
{
    private readonly List<ChangePredicate> _predicates = [];
    private readonly List<(string Name, Type Type)> _finalizers = [];
    private readonly List<(string Kind, Func<Resource, IEnumerable<ResourceKey>> Map)> _watches = [];

    /// <summary>The name in logs and metrics; defaults to the reconciler's type name.</summary>
    public string? Name { get; set; }

    /// <summary>How many keys are reconciled at once (never the same key twice); default 4.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How often every cached object is queued again although nothing changed; null turns resync off. Default 10 minutes.</summary>
    public TimeSpan? ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The Polly retry options the backoff schedule is computed from; default 5 ms doubling to 5 minutes.</summary>
    public RetryStrategyOptions Backoff { get; set; } = BackoffSchedule.DefaultOptions();

    /// <summary>The predicates a change must all match to enqueue its key.</summary>
    public IReadOnlyList<ChangePredicate> Predicates => _predicates;

    /// <summary>The finalizers this controller adds to its objects and runs when they are deleted, by name.</summary>
    public IReadOnlyList<(string Name, Type Type)> Finalizers => _finalizers;

    internal IReadOnlyList<(string Kind, Func<Resource, IEnumerable<ResourceKey>> Map)> Watches => _watches;

    internal Type? ReconcilerType { get; set; }

    /// <summary>Enqueues a change only when <paramref name="predicate"/> matches it too.</summary>
    public ControllerOptions<TResource> WithPredicate(ChangePredicate predicate)
    {
        _predicates.Add(predicate);
        return this;
    }

    /// <summary>
    /// Runs <typeparamref name="TFinalizer"/> (resolved from DI) before an object is deleted. The controller adds
    /// <paramref name="name"/> to every object's finalizers and removes it once the finalizer returns Done.
    /// </summary>
    public ControllerOptions<TResource> WithFinalizer<TFinalizer>(string name) where TFinalizer : class, IFinalizer<TResource>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_finalizers.Any(f => f.Name == name)) throw new ArgumentException($"Finalizer '{name}' is already registered on this controller.", nameof(name));
        _finalizers.Add((name, typeof(TFinalizer)));
        return this;
    }

    /// <summary>
    /// Also reconciles when an object of <typeparamref name="TOther"/> changes: <paramref name="map"/> names the
    /// keys of <typeparamref name="TResource"/> to enqueue (for instance the owner of an allocation).
    /// </summary>
    public ControllerOptions<TResource> Watch<TOther>(Func<TOther, IEnumerable<ResourceKey>> map) where TOther : Resource
    {
        _watches.Add((KindInfo.Of<TOther>().Name, r => map((TOther)r)));
        return this;
    }
}
