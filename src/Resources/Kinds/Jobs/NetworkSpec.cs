namespace Reconciler.Resources.Kinds;

/// <summary>The network a task group needs: its mode and its labelled ports.</summary>
public sealed record NetworkSpec
{
    /// <summary>Share the host's network (default) or get a namespace of its own.</summary>
    public NetworkMode Mode { get; init; } = NetworkMode.Host;

    /// <summary>Ports by label; tasks see each as <c>RECON_PORT_&lt;label&gt;</c>.</summary>
    public IReadOnlyList<NetworkPort> Ports { get; init; } = [];
}
