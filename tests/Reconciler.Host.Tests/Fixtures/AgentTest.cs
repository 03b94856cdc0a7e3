using System.Net.Http.Json;
using Reconciler.Host.Api.Contracts;
using Reconciler.Hosting;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>A test class whose every test gets a fresh <see cref="RunningAgent"/>, started before and stopped after it.</summary>
public abstract class AgentTest : IAsyncLifetime
{
    private RunningAgent? _agent;

    internal RunningAgent Agent => _agent ?? throw new InvalidOperationException("The agent starts in InitializeAsync.");

    /// <summary>What the test class adds to the agent's runtime (kinds, services); nothing by default.</summary>
    protected virtual void Extend(ReconcilerBuilder reconciler)
    {
    }

    /// <summary>Whether the agent runs the scheduler (its server role); test classes of the generic resource API turn it off.</summary>
    protected virtual bool RunsScheduler => true;

    /// <summary>Whether the agent runs the client role (this machine as a node running tasks); off, tests place on simulated nodes.</summary>
    protected virtual bool RunsClient => false;

    public async Task InitializeAsync() => _agent = await RunningAgent.StartAsync(Extend, RunsScheduler, RunsClient);

    public virtual async Task DisposeAsync()
    {
        if (_agent is null) return;
        // A client leaves its tasks running when the agent stops (as Nomad's does); stop the jobs so no process outlives the test.
        if (RunsClient) await StopJobsAsync(_agent);
        await _agent.DisposeAsync();
    }

    private static async Task StopJobsAsync(RunningAgent agent)
    {
        var jobs = (await agent.Http.GetFromJsonAsync<ResourceList>("/v1/jobs?namespace=*", ApiJson.Options))!.Items;
        foreach (var job in jobs)
        {
            var name = job["metadata"]!["name"]!.GetValue<string>();
            using var stop = await agent.Http.DeleteAsync($"/v1/job/{name}?namespace={job["metadata"]!["namespace"]!.GetValue<string>()}");
            await SimulatedNodes.AwaitGoneAsync(agent.Http, $"/v1/jobs/{name}");
        }
        await SimulatedNodes.AwaitNoneRunningAsync(agent.Http);
    }
}
