using System.Globalization;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Deployments;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Jobs;

/// <summary>
/// Follows what <c>job run</c> set off, as Nomad's monitor: the evaluation until the scheduler is done with it, the
/// allocations it placed, then their progress on the clients until every one runs (or one fails), then the version's
/// deployment, if it has one, until it ends (<see cref="DeploymentMonitor"/>: a live per-group table on a terminal,
/// changed lines otherwise) with its final status. When no client starts any of the allocations within
/// <paramref name="startTimeout"/>, it says so and stops waiting rather than hang.
/// Waits are blocking queries on the job's lists, never sleeps.
/// </summary>
public sealed class EvaluationMonitor(CliSession session, ReconApiClient client, TimeSpan startTimeout)
{
    /// <summary>Exit code when allocations could not be placed or failed (Nomad's 2).</summary>
    public const int PlacementFailedExitCode = 2;

    /// <summary>Exit code when the version's deployment failed or was cancelled.</summary>
    public const int DeploymentFailedExitCode = 1;

    private readonly TextWriter _output = session.Out;

    // How the wait for the placed allocations ended.
    private enum Start { Running, Failed, NotStarted }

    /// <summary>Monitors <paramref name="evaluationId"/> of job <paramref name="job"/>; returns the exit code.</summary>
    public async Task<int> MonitorAsync(string job, string evaluationId, CancellationToken cancellationToken)
    {
        _output.WriteLine($"==> {Now()}: Monitoring evaluation \"{evaluationId}\"");
        var evaluation = await AwaitEvaluationAsync(job, evaluationId, cancellationToken);
        _output.WriteLine($"    {Now()}: Evaluation triggered by job \"{job}\"");
        _output.WriteLine($"    {Now()}: Evaluation status changed: \"pending\" -> \"{Lower(evaluation.Status.State)}\"");
        var allocations = await AllocationsAsync(job, evaluation.Spec.JobVersion, null, cancellationToken);
        foreach (var allocation in allocations.Items)
            _output.WriteLine($"    {Now()}: Allocation \"{Typed.Short(allocation.Metadata.Name)}\" created: node \"{allocation.Spec.Node}\", group \"{allocation.Spec.Group}\"");
        _output.WriteLine($"==> {Now()}: Evaluation \"{evaluationId}\" finished with status \"{Lower(evaluation.Status.State)}\"");
        if (evaluation.Status.FailedPlacements.Count > 0)
        {
            _output.WriteLine($"==> {Now()}: Failed to place all allocations:");
            foreach (var (group, failure) in evaluation.Status.FailedPlacements)
                _output.WriteLine($"    Task Group \"{group}\" (failed to place {1 + failure.CoalescedFailures} allocation(s)): {failure.Description}");
            return PlacementFailedExitCode;
        }
        if (evaluation.Status.State == EvaluationState.Failed) return PlacementFailedExitCode;
        if (allocations.Items.Count == 0) return 0;
        var start = await AwaitRunningAsync(job, evaluation.Spec.JobVersion, allocations.Index, cancellationToken);
        // A failed allocation of a deployment is the deployment's to judge (it may fail and revert); one left to no client is not.
        var deployment = start == Start.NotStarted ? null : await DeploymentOfAsync(job, evaluation.Spec.JobVersion, cancellationToken);
        if (deployment is null) return start == Start.Failed ? PlacementFailedExitCode : 0;
        return await FollowAsync(deployment, cancellationToken);
    }

    private async Task<Deployment?> DeploymentOfAsync(string job, long version, CancellationToken cancellationToken)
    {
        var list = await client.GetAsync<ResourceList>(client.Namespaced(JobRoute.Of(job) + "/deployments"), cancellationToken);
        return Typed.All<Deployment>(list.Items).FirstOrDefault(d => d.Spec.JobVersion == version);
    }

    private async Task<int> FollowAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        _output.WriteLine($"==> {Now()}: Monitoring deployment \"{deployment.Metadata.Name}\"");
        var ended = await new DeploymentMonitor(session, client).FollowAsync(deployment, cancellationToken);
        return ended.Status.State == DeploymentState.Successful ? 0 : DeploymentFailedExitCode;
    }

    private async Task<Evaluation> AwaitEvaluationAsync(string job, string id, CancellationToken cancellationToken)
    {
        for (long index = 0; ;)
        {
            var list = await client.GetAsync<ResourceList>(client.Namespaced(JobRoute.Of(job) + "/evaluations", ("index", Text(index)), ("wait", "30s")), cancellationToken);
            var evaluation = Typed.All<Evaluation>(list.Items).FirstOrDefault(e => e.Metadata.Name == id);
            if (evaluation is not null && evaluation.Status.State != EvaluationState.Pending) return evaluation;
            index = list.Index;
        }
    }

    private async Task<Start> AwaitRunningAsync(string job, long version, long index, CancellationToken cancellationToken)
    {
        _output.WriteLine($"==> {Now()}: Waiting for the allocations to run");
        var deadline = DateTimeOffset.UtcNow + startTimeout;
        var reported = new Dictionary<string, AllocationClientStatus>();
        while (true)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            var (items, at) = await AllocationsAsync(job, version, (index, left), cancellationToken);
            index = at;
            foreach (var allocation in items.Where(a => reported.GetValueOrDefault(a.Metadata.Name) != a.Status.ClientStatus))
            {
                reported[allocation.Metadata.Name] = allocation.Status.ClientStatus;
                if (allocation.Status.ClientStatus != AllocationClientStatus.Pending)
                    _output.WriteLine($"    {Now()}: Allocation \"{Typed.Short(allocation.Metadata.Name)}\" is {Lower(allocation.Status.ClientStatus)}{Reason(allocation)}");
            }
            if (items.Any(a => a.Status.ClientStatus is AllocationClientStatus.Failed or AllocationClientStatus.Lost)) return Start.Failed;
            if (items.All(a => a.Status.ClientStatus is AllocationClientStatus.Running or AllocationClientStatus.Complete && a.Status.Health?.Healthy != false))
            {
                _output.WriteLine($"==> {Now()}: All {items.Count} allocation(s) of version {version} are running");
                return Start.Running;
            }
            // A client that runs allocations starts them within moments; progress earns more time.
            if (items.Any(a => a.Status.ClientStatus != AllocationClientStatus.Pending)) deadline = DateTimeOffset.UtcNow + startTimeout;
            else if (DateTimeOffset.UtcNow >= deadline)
            {
                _output.WriteLine($"==> {Now()}: The allocations are placed, but no client started any of them within {Duration(startTimeout)};");
                _output.WriteLine($"    the nodes they are placed on run no client yet. Follow them with `recon job status {job}`.");
                return Start.NotStarted;
            }
        }
    }

    private async Task<(IReadOnlyList<Allocation> Items, long Index)> AllocationsAsync(string job, long version, (long Index, TimeSpan Wait)? block, CancellationToken cancellationToken)
    {
        var path = block is var (index, wait)
            ? client.Namespaced(JobRoute.Of(job) + "/allocations", ("index", Text(index)), ("wait", $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))}s"))
            : client.Namespaced(JobRoute.Of(job) + "/allocations");
        var list = await client.GetAsync<ResourceList>(path, cancellationToken);
        var items = Typed.All<Allocation>(list.Items).Where(a => a.Spec.JobVersion == version && a.Spec.DesiredStatus == AllocationDesiredStatus.Run).ToList();
        return (items, list.Index);
    }

    private static string Reason(Allocation allocation) =>
        allocation.Status.ClientDescription is { Length: > 0 } description ? $": {description}" : "";

    private static string Duration(TimeSpan span) => span.TotalSeconds < 60 ? $"{span.TotalSeconds:0}s" : $"{span.TotalMinutes:0}m";

    private static string Lower<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The local time as the monitors print it, e.g. <c>2026-11-25T10:00:00+01:00</c>.</summary>
    internal static string Now() => DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
}
