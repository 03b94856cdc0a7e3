namespace Reconciler.Resources.Agent;

/// <summary>The server role of an agent (<c>[server]</c>): holds the state, schedules, tracks nodes.</summary>
public sealed record ServerConfig
{
    /// <summary>Whether this agent is a server (<c>enabled</c>).</summary>
    public bool Enabled { get; init; }

    /// <summary>How many servers to wait for before electing a leader (<c>bootstrap_expect</c>).</summary>
    public int BootstrapExpect { get; init; } = 1;

    /// <summary>Extra time past a missed heartbeat before a node is marked down (<c>heartbeat_grace</c>).</summary>
    public TimeSpan HeartbeatGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The shortest heartbeat interval handed to clients (<c>min_heartbeat_ttl</c>).</summary>
    public TimeSpan MinHeartbeatTtl { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Parallel scheduler workers (<c>num_schedulers</c>); null means one per CPU core.</summary>
    public int? NumSchedulers { get; init; }

    /// <summary>How long a finished job is kept before garbage collection (<c>job_gc_threshold</c>).</summary>
    public TimeSpan JobGcThreshold { get; init; } = TimeSpan.FromHours(4);

    /// <summary>How long a down node is kept before garbage collection (<c>node_gc_threshold</c>).</summary>
    public TimeSpan NodeGcThreshold { get; init; } = TimeSpan.FromHours(24);
}
