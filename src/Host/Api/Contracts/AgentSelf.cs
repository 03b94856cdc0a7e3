namespace Reconciler.Host.Api.Contracts;

/// <summary>What <c>GET /v1/agent/self</c> says about the agent answering.</summary>
/// <param name="Name">The node name.</param>
/// <param name="Version">The recon version.</param>
/// <param name="Region">The region.</param>
/// <param name="Datacenter">The datacenter.</param>
/// <param name="Server">True when the server role runs here.</param>
/// <param name="Client">True when the client role runs here.</param>
/// <param name="Dev">True for <c>recon agent -dev</c>: its state goes away when it stops.</param>
public sealed record AgentSelf(string Name, string Version, string Region, string Datacenter, bool Server, bool Client, bool Dev);
