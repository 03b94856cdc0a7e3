using System.Text.Json.Nodes;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Deployments;

/// <summary>Reads one deployment by id or unambiguous prefix, with an error saying how to list them when there is none.</summary>
public static class DeploymentLookup
{
    /// <summary><c>/v1/deployment/{id}</c>, escaped.</summary>
    public static string Route(string id) => $"/v1/deployment/{Uri.EscapeDataString(id)}";

    /// <summary>The deployment <paramref name="id"/> names in the client's namespace, as the API returns it.</summary>
    public static async Task<JsonObject> GetAsync(ReconApiClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync<JsonObject>(client.Namespaced(Route(id)), cancellationToken);
        }
        catch (CommandException e) when (e.AgentCode == "NotFound")
        {
            throw new CommandException($"No deployment '{id}' in namespace {client.Settings.Namespace}; list deployments with `recon deployment list` (or pass -n NAMESPACE).");
        }
    }
}
