namespace Reconciler.Resources.Agent;

/// <summary>
/// The ports an agent listens on (<c>[ports]</c>). RPC and Serf keep Nomad's numbers; the HTTP API
/// moves from Nomad's 4646 to 4747 so both can run on one machine.
/// </summary>
public sealed record AgentPorts
{
    /// <summary>The HTTP API and UI (<c>http</c>).</summary>
    public int Http { get; init; } = 4747;

    /// <summary>Server and client RPC (<c>rpc</c>).</summary>
    public int Rpc { get; init; } = 4647;

    /// <summary>Server gossip (<c>serf</c>).</summary>
    public int Serf { get; init; } = 4648;
}
