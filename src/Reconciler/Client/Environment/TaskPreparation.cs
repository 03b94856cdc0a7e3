using Reconciler.Drivers;
using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Environment;

/// <summary>
/// Sets a task up before its driver starts it (Nomad's task runner hooks): creates the allocation and task
/// directories, builds the environment, interpolates config and env, renders templates to files and resolves
/// host volume mounts. The result is the <see cref="TaskConfiguration"/> the driver gets, or why there is none.
/// </summary>
public sealed class TaskPreparation(ClientOptions options, NodeIdentity identity)
{
    /// <summary>Prepares <paramref name="task"/> of <paramref name="allocation"/>; the error names what to fix.</summary>
    public (TaskConfiguration? Task, string? Error) Prepare(Allocation allocation, TaskGroup group, JobTask task, Node node,
        TemplateRenderer.SecretLookup secrets)
    {
        var allocationDirectory = options.AllocationDirectory(allocation.Metadata.Name);
        var taskDirectory = Path.Combine(allocationDirectory, task.Name);
        Directory.CreateDirectory(Path.Combine(allocationDirectory, "alloc", "logs"));
        Directory.CreateDirectory(Path.Combine(taskDirectory, "local"));
        Directory.CreateDirectory(Path.Combine(taskDirectory, "secrets"));

        var recon = RuntimeValues.ReconVariables(allocation, task.Name, node, allocationDirectory, taskDirectory, options.Address);
        var values = new RuntimeValues(recon, node);
        var env = new Dictionary<string, string>(recon, StringComparer.Ordinal);
        foreach (var (key, value) in Interpolation.Apply(task.Env, values)) env[key] = value;

        foreach (var template in task.Templates)
        {
            var (text, error) = TemplateRenderer.Render(template.Data, env, values, secrets);
            if (error is not null) return (null, $"template {template.Destination}: {error}");
            var destination = Path.GetFullPath(Path.Combine(taskDirectory, Interpolation.Apply(template.Destination, values)));
            if (!destination.StartsWith(Path.GetFullPath(taskDirectory), StringComparison.Ordinal))
                return (null, $"template {template.Destination}: the destination must stay inside the task directory");
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.WriteAllText(destination, text);
            if (template.Env)
                foreach (var (key, value) in TemplateRenderer.ParseEnv(text!)) env[key] = value;
        }

        var (mounts, mountError) = Mounts(group, task);
        if (mountError is not null) return (null, mountError);
        return (new TaskConfiguration
        {
            AllocationId = allocation.Metadata.Name,
            TaskName = task.Name,
            Namespace = allocation.Metadata.Namespace ?? "default",
            JobName = allocation.Spec.Job,
            NodeId = identity.Id,
            Config = Interpolation.Apply(task.Config, values),
            Env = env,
            Resources = allocation.Spec.Resources.GetValueOrDefault(task.Name) ?? task.Resources,
            AllocationDirectory = allocationDirectory,
            TaskDirectory = taskDirectory,
            Ports = allocation.Spec.Ports,
            Mounts = mounts,
        }, null);
    }

    private (IReadOnlyList<TaskMount> Mounts, string? Error) Mounts(TaskGroup group, JobTask task)
    {
        var mounts = new List<TaskMount>();
        foreach (var mount in task.VolumeMounts)
        {
            if (!group.Volumes.TryGetValue(mount.Volume, out var request))
                return ([], $"volumeMounts: the group has no volume '{mount.Volume}'");
            if (request.Type != VolumeType.Host)
                return ([], $"volumeMounts: volume '{mount.Volume}' is of type {request.Type}; this client mounts host volumes only");
            if (!options.HostVolumes.TryGetValue(request.Source, out var host))
                return ([], $"volumeMounts: this client has no host volume '{request.Source}' (add it to [client] host_volume)");
            mounts.Add(new TaskMount
            {
                HostPath = host.Path,
                TaskPath = mount.Destination,
                ReadOnly = mount.ReadOnly || request.ReadOnly || host.ReadOnly,
            });
        }
        return (mounts, null);
    }
}
