namespace Reconciler.Scheduling.State;

/// <summary>Nomad's allocation names, <c>job.group[index]</c>.</summary>
public static class AllocationNames
{
    /// <summary><c>job.group[index]</c>.</summary>
    public static string Of(string job, string group, int index) => $"{job}.{group}[{index}]";
}
