using Microsoft.Extensions.DependencyInjection;

using Reconciler.Hosting;
using Reconciler.Resources.Model;

namespace Reconciler.Client.Runner;

/// <summary>Puts an allocation back on the runner's queue when something outside the store changed (a task exited).</summary>
internal sealed class AllocationWakeup(IServiceProvider services)
{
    public const string ControllerName = "allocation-runner";

    public void Wake(ResourceKey key) =>
        services.GetRequiredService<ReconcilerRuntime>().Controllers.FirstOrDefault(c => c.Name == ControllerName)?.Queue.Add(key);
}
