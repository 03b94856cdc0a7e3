using Docker.DotNet.Models;

namespace Reconciler.Drivers.Docker;

/// <summary>
/// Rebuilds a task's handle from a container the engine lists, for a client that has no persisted handle for it:
/// the task from the container's labels, its directories from the bind mounts <see cref="ContainerSpec"/> gave it.
/// </summary>
public static class ContainerHandle
{
    /// <summary>The handle of <paramref name="container"/>, or null when it does not carry the allocation and task labels.</summary>
    public static TaskHandle? From(ContainerListResponse container)
    {
        IReadOnlyDictionary<string, string> labels = container.Labels?.AsReadOnly() ?? new Dictionary<string, string>().AsReadOnly();
        if (!labels.TryGetValue(ContainerLabels.AllocationId, out var allocation) || !labels.TryGetValue(ContainerLabels.Task, out var task))
            return null;
        var taskDirectory = MountSource(container, "/local") ?? "";
        return new TaskHandle
        {
            Driver = "docker",
            StartedAt = container.Created,
            State = new() { ["containerId"] = container.ID },
            Task = new TaskConfiguration
            {
                AllocationId = allocation,
                TaskName = task,
                Namespace = labels.GetValueOrDefault(ContainerLabels.Namespace) ?? "default",
                JobName = labels.GetValueOrDefault(ContainerLabels.Job),
                NodeId = labels.GetValueOrDefault(ContainerLabels.NodeId),
                AllocationDirectory = MountSource(container, "/alloc") is { } alloc ? Path.GetDirectoryName(alloc)! : Path.GetDirectoryName(taskDirectory) ?? "",
                TaskDirectory = taskDirectory,
            },
        };
    }

    private static string? MountSource(ContainerListResponse container, string destination) =>
        container.Mounts?.FirstOrDefault(mount => mount.Destination == destination)?.Source;
}
