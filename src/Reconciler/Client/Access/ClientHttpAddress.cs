namespace Reconciler.Client.Access;

/// <summary>
/// Where this client's agent serves its allocations' logs, exec and restart, once its HTTP API listens (a port of 0 is
/// known only then). The client advertises it in its node's status on every heartbeat, so servers can forward to it.
/// </summary>
public sealed class ClientHttpAddress
{
    private string? _address;

    /// <summary>The advertised address, e.g. <c>http://127.0.0.1:4757</c>; null until the agent listens.</summary>
    public string? Value => Volatile.Read(ref _address);

    /// <summary>Sets the address the agent's API listens on.</summary>
    public void Set(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Volatile.Write(ref _address, address.GetLeftPart(UriPartial.Authority));
    }
}
