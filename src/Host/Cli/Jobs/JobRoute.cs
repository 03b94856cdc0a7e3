namespace Reconciler.Host.Cli.Jobs;

/// <summary>The API paths of one job.</summary>
public static class JobRoute
{
    /// <summary><c>/v1/job/{name}</c>, escaped.</summary>
    public static string Of(string name) => $"/v1/job/{Uri.EscapeDataString(name)}";
}
