using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Health;

/// <summary>
/// The service checks of a task with the names their results are reported under: the check's own name, or
/// <c>service.type.index</c> (index among the task's checks). The client and the deployment watcher both name them so.
/// </summary>
public static class ServiceChecks
{
    /// <summary>Every check of <paramref name="task"/>'s services, in order, with its name.</summary>
    public static IReadOnlyList<(string Name, TaskService Service, ServiceCheck Check)> Of(JobTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var checks = task.Services.SelectMany(s => s.Checks.Select(c => (Service: s, Check: c))).ToList();
        return [.. checks.Select((c, i) => (c.Check.Name ?? $"{c.Service.Name}.{c.Check.Type.ToString().ToLowerInvariant()}.{i}", c.Service, c.Check))];
    }
}
