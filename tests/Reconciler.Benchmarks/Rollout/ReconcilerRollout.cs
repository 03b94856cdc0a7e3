using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

using Microsoft.Extensions.DependencyInjection;

using Reconciler.Host.Agent;
using Reconciler.Resources.Agent;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Benchmarks.Rollout;

/// <summary>
/// The rollout on Reconciler: an agent in this process as <c>recon agent -dev</c> runs it (server and client, the
/// FASTER store, the docker driver), the job registered through the HTTP API as <c>recon job run</c> does, timed from
/// registering the new version until its deployment is successful with every new allocation running and healthy.
/// The job is stopped and its containers removed afterwards.
/// </summary>
public sealed class ReconcilerRollout(RolloutWorkload workload)
{
    private readonly string _job = $"bench-{Guid.NewGuid():N}"[..14];

    /// <summary>Runs version 1 to convergence, then times the update to version 2.</summary>
    public async Task<RolloutTiming> RunAsync()
    {
        var data = Directory.CreateTempSubdirectory("recon-rollout-bench-").FullName;
        try
        {
            var dev = AgentConfig.Dev(data);
            await using var agent = AgentHost.Create(dev with { LogLevel = "ERROR", Ports = new AgentPorts { Http = 0 } }, dev: true, handleSignals: false);
            await agent.StartAsync();
            using var http = new HttpClient { BaseAddress = agent.Address };
            var store = agent.Services.GetRequiredService<IResourceStore>();
            try
            {
                return await MeasureAsync(http, store);
            }
            finally
            {
                await StopAsync(http, store);
            }
        }
        finally
        {
            await DockerCli.RemoveLabelledAsync($"recon.job={_job}");
            Directory.Delete(data, recursive: true);
        }
    }

    private async Task<RolloutTiming> MeasureAsync(HttpClient http, IResourceStore store)
    {
        await UntilAsync(store, "Node", items => items.OfType<Node>().Any(n => n.Status.State == NodeState.Ready), "the agent's node is ready");
        var created = Stopwatch.StartNew();
        await RegisterAsync(http, value: "1");
        await UntilConvergedAsync(store, version: 1);
        created.Stop();

        var updated = Stopwatch.StartNew();
        await RegisterAsync(http, value: "2");
        await UntilConvergedAsync(store, version: 2);
        updated.Stop();
        var evaluations = (await store.ListAsync(new ListQuery("Evaluation", "default"))).Items.OfType<Evaluation>().Count(e => e.Spec.Job == _job && e.Spec.JobVersion == 2);
        var converged = (await store.ListAsync(new ListQuery("Allocation", "default"))).Items.OfType<Allocation>()
            .Where(a => a.Spec.Job == _job && a.Spec.JobVersion == 2 && a.Spec.DesiredStatus == AllocationDesiredStatus.Run).ToList();
        return new RolloutTiming(created.Elapsed, updated.Elapsed, evaluations, RolloutPhases.Of(converged));
    }

    private async Task RegisterAsync(HttpClient http, string value)
    {
        using var content = new StringContent(Manifest(value), Encoding.UTF8, new MediaTypeHeaderValue("application/yaml"));
        using var response = await http.PostAsync($"/v1/job/{_job}/register", content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"registering {_job} failed: {await response.Content.ReadAsStringAsync()}");
    }

    // minHealthyTime 0 and stagger 0s are Swarm's --update-delay 0s with no health check in the image.
    private string Manifest(string value) => $$"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: {{_job}}
        spec:
          datacenters: [dc1]
          groups:
            - name: app
              count: {{workload.Replicas}}
              update:
                maxParallel: {{workload.Parallel}}
                stagger: 0s
                minHealthyTime: 0s
                healthCheck: task_states
              tasks:
                - name: box
                  driver: docker
                  killTimeout: {{workload.GraceText}}
                  env: { X: "{{value}}" }
                  config:
                    image: {{RolloutWorkload.Image}}
                    args: [{{string.Join(", ", workload.Args.Select(a => $"'{a.Replace("'", "''", StringComparison.Ordinal)}'"))}}]
                  resources: { cpu: 20, memoryMB: 16 }
        """;

    private Task UntilConvergedAsync(IResourceStore store, long version) =>
        UntilAsync(store, null, items =>
            items.OfType<Deployment>().Any(d => d.Metadata.Name == $"{_job}-{version}" && d.Status.State == DeploymentState.Successful)
            && items.OfType<Allocation>().Count(a => a.Spec.Job == _job && a.Spec.JobVersion == version && a.Spec.DesiredStatus == AllocationDesiredStatus.Run
                && a.Status.ClientStatus == AllocationClientStatus.Running && a.Status.Health?.Healthy == true) == workload.Replicas,
            $"version {version} of {_job} converged");

    // Reads the store every 20 ms: fine-grained next to rollouts of seconds, and cheap in process.
    private static async Task UntilAsync(IResourceStore store, string? kind, Func<IReadOnlyList<Resource>, bool> done, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            IReadOnlyList<Resource> items = kind is null
                ? [.. (await store.ListAsync(new ListQuery("Deployment", "default"))).Items, .. (await store.ListAsync(new ListQuery("Allocation", "default"))).Items]
                : (await store.ListAsync(new ListQuery(kind))).Items;
            if (done(items)) return;
            if (deadline.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    private async Task StopAsync(HttpClient http, IResourceStore store)
    {
        using var response = await http.DeleteAsync($"/v1/job/{_job}");
        await UntilAsync(store, "Allocation", items => !items.OfType<Allocation>().Any(a => a.Spec.Job == _job && a.Status.ClientStatus is AllocationClientStatus.Running or AllocationClientStatus.Pending),
            $"the allocations of {_job} stopped");
    }
}

/// <summary>How long a rollout took: the first version to converge, the update to converge; the evaluations and phases of the update.</summary>
public sealed record RolloutTiming(TimeSpan Create, TimeSpan Update, int Evaluations, RolloutPhases Phases);
