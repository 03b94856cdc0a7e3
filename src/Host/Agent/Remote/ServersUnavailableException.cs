using Reconciler.Store;

namespace Reconciler.Host.Agent.Remote;

/// <summary>No server answered a client-only agent's request after its retries; the caller backs off and tries later.</summary>
public sealed class ServersUnavailableException(string message, Exception? inner = null) : StoreUnavailableException(message, inner);
