using System.Diagnostics;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Reconciler.Clients;
using Reconciler.Informers;
using Reconciler.Metrics;
using Reconciler.Queue;
using Reconciler.Reconciliation;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Controllers;

/// <summary>
/// Reconciles every object of <typeparamref name="TResource"/>: informer changes that pass the predicates enqueue
/// keys, a bounded set of workers takes keys one at a time, reads the latest cached object and runs the reconciler
/// (inside the finalizer protocol) in a DI scope of its own. Failures and exceptions back off per key; a requeue
/// waits its delay; every cached object is queued again each resync period.
/// </summary>
public sealed class Controller<TResource> : IController, IDisposable where TResource : Resource
{
    private readonly ControllerOptions<TResource> _options;
    private readonly ResourceInformer _informer;
    private readonly ResourceClient _client;
    private readonly ReconcilerMetrics _metrics;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FinalizerProtocol<TResource> _protocol;
    private readonly string _kind = KindInfo.Of<TResource>().Name;
    private readonly CancellationTokenSource _abort = new();
    private Task[] _workers = [];
    private ITimer? _resync;

    /// <summary>Creates a controller; the hosting builder does this for each <c>AddController</c>.</summary>
    public Controller(ControllerOptions<TResource> options, ResourceInformer informer, ResourceClient client, ReconcilerMetrics metrics,
        IServiceScopeFactory scopes, ILoggerFactory loggers, TimeProvider time, ActivitySignal activity)
    {
        if (options.ReconcilerType is null) throw new ArgumentException("The options name no reconciler type; register controllers with AddController.", nameof(options));
        if (options.Workers < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Workers, "A controller needs at least one worker.");
        _options = options;
        _informer = informer;
        _client = client;
        _metrics = metrics;
        _scopes = scopes;
        _time = time;
        Name = options.Name ?? options.ReconcilerType.Name;
        _logger = loggers.CreateLogger($"Reconciler.Controllers.{Name}");
        _protocol = new FinalizerProtocol<TResource>(options, client);
        Queue = new WorkQueue(time, new BackoffSchedule(options.Backoff), activity);
        metrics.TrackQueue(Name, Queue);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public WorkQueue Queue { get; }

    /// <inheritdoc />
    public void Attach()
    {
        _informer.Subscribe(_kind, OnChange);
        foreach (var (kind, map) in _options.Watches)
            _informer.Subscribe(kind, change =>
            {
                foreach (var key in map(change.Object)) Queue.Add(key);
            });
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = [.. Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None))];
        if (_options.ResyncPeriod is { } period)
            _resync = _time.CreateTimer(static state => ((Controller<TResource>)state!).Resync(), this, period, period);
        _logger.LogInformation("Controller {Controller} started with {Workers} workers.", Name, _options.Workers);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _resync?.Dispose();
        Queue.ShutDown();
        var workers = Task.WhenAll(_workers);
        try
        {
            await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("Controller {Controller}: in-flight reconciles did not finish in time; cancelling them.", Name);
            await _abort.CancelAsync().ConfigureAwait(false);
            await workers.ConfigureAwait(false);
        }
        _logger.LogInformation("Controller {Controller} stopped.", Name);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _resync?.Dispose();
        Queue.Dispose();
        _abort.Dispose();
    }

    private void OnChange(ResourceChange change)
    {
        foreach (var predicate in _options.Predicates)
            if (!predicate.Matches(change)) return;
        Queue.Add(change.Object.Key);
    }

    private void Resync()
    {
        foreach (var resource in _informer.Cache.List(_kind)) OnChange(new ResourceChange(ResourceChangeType.Resync, resource, resource));
    }

    private async Task WorkAsync()
    {
        while (await Queue.TakeAsync().ConfigureAwait(false) is { } key)
        {
            try
            {
                await ProcessAsync(key).ConfigureAwait(false);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(ResourceKey key)
    {
        if (_informer.Cache.Get(key) is not TResource resource)
        {
            Queue.Forget(key); // Gone: nothing left to converge.
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var result = await ReconcileAsync(key, resource).ConfigureAwait(false);
        _metrics.RecordReconcile(Name, result.Outcome, Stopwatch.GetElapsedTime(started));
        Apply(key, result);
    }

    private async Task<ReconcileResult> ReconcileAsync(ResourceKey key, TResource resource)
    {
        var context = new ReconcileContext(key, Name, _client, _informer.Cache, _logger, _time, Queue.Failures(key));
        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using var _ = scope.ConfigureAwait(false);
            return await _protocol.RunAsync(resource, context, scope.ServiceProvider, _abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            return ReconcileResult.Fail("The reconcile was cancelled by shutdown.");
        }
        catch (Exception error)
        {
            return ReconcileResult.Fail(error);
        }
    }

    private void Apply(ResourceKey key, ReconcileResult result)
    {
        switch (result.Outcome)
        {
            case ReconcileOutcome.Failed:
                var delay = Queue.AddWithBackoff(key);
                _metrics.RecordRetry(Name);
                // An unreachable store is logged once by the store; each reconcile it fails is only a debug line then.
                if (result.Exception is StoreUnavailableException)
                    _logger.LogDebug("Reconcile of {Key} by {Controller} failed ({Error}); retrying in {Delay}.", key, Name, result.Error, delay);
                else
                    _logger.LogWarning(result.Exception, "Reconcile of {Key} by {Controller} failed ({Error}); retrying in {Delay}.", key, Name, result.Error, delay);
                break;
            case ReconcileOutcome.Requeue:
                Queue.Forget(key);
                Queue.AddAfter(key, result.Delay);
                break;
            default:
                Queue.Forget(key);
                break;
        }
    }
}
