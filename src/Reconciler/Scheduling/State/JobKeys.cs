namespace Reconciler.Scheduling.State;

/// <summary>The <c>namespace/job</c> text allocations are indexed by per job.</summary>
public static class JobKeys
{
    /// <summary><c>namespace/job</c>.</summary>
    public static string Of(string? @namespace, string job) => $"{@namespace ?? Resources.Model.ObjectMeta.DefaultNamespace}/{job}";
}
