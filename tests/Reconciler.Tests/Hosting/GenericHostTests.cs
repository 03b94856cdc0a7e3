using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reconciler.Clients;
using Reconciler.Hosting;
using Reconciler.LeaderElection;
using Reconciler.Reconciliation;
using Reconciler.Tests.Fixtures;

namespace Reconciler.Tests.Hosting;

public class GenericHostTests
{
    [Fact]
    public async Task A_generic_host_runs_the_controller_as_a_hosted_service()
    {
        var probe = new GizmoProbe();
        var reconciled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        probe.Behaviour = (gizmo, _, _) =>
        {
            reconciled.TrySetResult(gizmo.Spec.Value);
            return Task.FromResult(ReconcileResult.Done);
        };
        using var host = BuildHost(probe, o => o.UseInMemoryStore());

        await host.StartAsync();
        await host.Services.GetRequiredService<ResourceClient>().ApplyAsync(Gizmo.Create("hosted", "hi"));

        (await reconciled.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be("hi");
        await host.StopAsync();
    }

    [Fact]
    public async Task A_reconcile_that_outlives_the_shutdown_timeout_is_cancelled_and_the_host_stops()
    {
        var probe = new GizmoProbe();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawCancellation = false;
        probe.Behaviour = async (_, _, ct) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                sawCancellation = true;
                throw;
            }
            return ReconcileResult.Done;
        };
        using var host = BuildHost(probe, o =>
        {
            o.UseInMemoryStore();
            o.ShutdownTimeout = TimeSpan.FromMilliseconds(50);
        });
        await host.StartAsync();
        await host.Services.GetRequiredService<ResourceClient>().ApplyAsync(Gizmo.Create("stuck"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await host.StopAsync();

        sawCancellation.Should().BeTrue();
    }

    [Fact]
    public async Task Leader_work_runs_on_a_single_server_and_is_cancelled_at_shutdown()
    {
        var work = new RecordingLeaderWork();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(work);
        builder.Services.AddReconciler(o => o.UseInMemoryStore()).AddLeaderWork<RecordingLeaderWork>();
        using var host = builder.Build();

        await host.StartAsync();
        await work.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        host.Services.GetRequiredService<ReconcilerRuntime>().IsLeader.Should().BeTrue();
        await host.StopAsync();

        work.Cancelled.Should().BeTrue();
    }

    private static IHost BuildHost(GizmoProbe probe, Action<ReconcilerOptions> options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddReconciler(options).AddController<ProbeReconciler, Gizmo>();
        return builder.Build();
    }

    public sealed class RecordingLeaderWork : ILeaderWork
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancelled { get; private set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
            }
        }
    }
}
