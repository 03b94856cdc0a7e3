using System.Text.Json.Nodes;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Jobs;

/// <summary>Reads one registered job, with an error naming the namespace and how to list jobs when there is none.</summary>
public static class JobLookup
{
    /// <summary>The job <paramref name="name"/> in the client's namespace, as the API returns it.</summary>
    public static async Task<JsonObject> GetAsync(ReconApiClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync<JsonObject>(client.Namespaced($"/v1/jobs/{Uri.EscapeDataString(name)}"), cancellationToken);
        }
        catch (CommandException e) when (e.AgentCode == "NotFound")
        {
            throw new CommandException($"No job '{name}' in namespace {client.Settings.Namespace}; list jobs with `recon job status` (or pass -n NAMESPACE).");
        }
    }
}
