using Microsoft.Extensions.DependencyInjection;
using Reconciler.Controllers;
using Reconciler.Hosting;
using Reconciler.Testing;

namespace Reconciler.Tests.Fixtures;

/// <summary>Starts a test kit with one Gizmo controller driven by a <see cref="GizmoProbe"/>.</summary>
public static class ProbeKit
{
    public static Task<ReconcilerTestKit> StartAsync(GizmoProbe probe, Action<ControllerOptions<Gizmo>>? configure = null,
        Action<ReconcilerBuilder>? more = null, Action<IServiceCollection>? services = null) =>
        ReconcilerTestKit.StartAsync(
            builder =>
            {
                builder.AddController<ProbeReconciler, Gizmo>(configure);
                more?.Invoke(builder);
            },
            collection =>
            {
                collection.AddSingleton(probe);
                services?.Invoke(collection);
            });
}
