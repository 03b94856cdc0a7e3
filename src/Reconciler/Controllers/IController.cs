using Reconciler.Queue;

namespace Reconciler.Controllers;

/// <summary>A running controller as the runtime sees it: a name, a work queue, and a start and a stop.</summary>
public interface IController
{
    /// <summary>The controller's name, used in logs and metric tags.</summary>
    string Name { get; }

    /// <summary>The keys waiting to be reconciled.</summary>
    WorkQueue Queue { get; }

    /// <summary>Subscribes to the informer; called before the informer starts so the first list enqueues every object.</summary>
    void Attach();

    /// <summary>Starts the workers and the periodic resync.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stops handing out keys and waits for in-flight reconciles to finish; when <paramref name="cancellationToken"/>
    /// fires first, in-flight reconciles are cancelled and then awaited.
    /// </summary>
    Task StopAsync(CancellationToken cancellationToken);
}
