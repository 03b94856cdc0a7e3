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

    /// <summary>Whether the agent enforces ACLs (<c>[acl] enabled</c>); off, as a dev agent.</summary>
    protected virtual bool EnforcesAcls => false;

    public async Task InitializeAsync() => _agent = await RunningAgent.StartAsync(Extend, RunsScheduler, RunsClient, acls: EnforcesAcls);

    // A dev agent's client stops its tasks when the agent stops, so no process outlives the test.
    public virtual async Task DisposeAsync()
    {
        if (_agent is not null) await _agent.DisposeAsync();
    }
}
