using Docker.DotNet.Models;

namespace Reconciler.Drivers.Docker;

/// <summary>Turns a task and its docker config into the engine's create-container request, as plain data.</summary>
public static class ContainerSpec
{
    /// <summary>The container's name: <c>TASK-ALLOCATIONID</c>.</summary>
    public static string NameOf(TaskConfiguration task) => $"{task.TaskName}-{task.AllocationId}";

    /// <summary>The create request, or why the config cannot be met (an unknown port label, a bad volume).</summary>
    public static (CreateContainerParameters? Parameters, string? Error) Build(TaskConfiguration task, DockerTaskConfig config)
    {
        var (bindings, exposed, portError) = Ports(task, config);
        if (portError is not null) return (null, portError);
        var (binds, volumeError) = Binds(task, config);
        if (volumeError is not null) return (null, volumeError);
        var labels = new Dictionary<string, string>(config.Labels)
        {
            [ContainerLabels.AllocationId] = task.AllocationId,
            [ContainerLabels.Task] = task.TaskName,
            [ContainerLabels.Namespace] = task.Namespace,
            [ContainerLabels.Job] = task.JobName ?? "",
        };
        if (task.NodeId is { } node) labels[ContainerLabels.NodeId] = node;
        var parameters = new CreateContainerParameters
        {
            Name = NameOf(task),
            Image = config.Image,
            Entrypoint = config.Command is null ? null : [config.Command],
            Cmd = config.Args.Count == 0 ? null : config.Args.ToList(),
            Env = task.Env.Select(pair => $"{pair.Key}={pair.Value}").ToList(),
            Labels = labels,
            User = task.User,
            ExposedPorts = exposed,
            HostConfig = new HostConfig
            {
                Binds = binds,
                PortBindings = bindings,
                NetworkMode = config.NetworkMode,
                Memory = task.Resources.MemoryMB * 1024L * 1024L,
                CPUShares = task.Resources.Cpu,
            },
        };
        return (parameters, null);
    }

    private static (Dictionary<string, IList<PortBinding>>, Dictionary<string, EmptyStruct>, string?) Ports(TaskConfiguration task, DockerTaskConfig config)
    {
        var bindings = new Dictionary<string, IList<PortBinding>>();
        var exposed = new Dictionary<string, EmptyStruct>();
        foreach (var label in config.Ports)
        {
            var port = task.Ports.FirstOrDefault(p => p.Label == label);
            if (port is null)
                return (bindings, exposed, $"config.ports: '{label}' is not a port of the group's network (it has: {string.Join(", ", task.Ports.Select(p => p.Label))})");
            foreach (var protocol in new[] { "tcp", "udp" })
            {
                var key = $"{port.To ?? port.Value}/{protocol}";
                exposed[key] = default;
                bindings[key] = [new PortBinding { HostIP = port.HostIp ?? "", HostPort = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }];
            }
        }
        return (bindings, exposed, null);
    }

    private static (List<string>, string?) Binds(TaskConfiguration task, DockerTaskConfig config)
    {
        var binds = new List<string>
        {
            $"{Path.Combine(task.AllocationDirectory, "alloc")}:/alloc",
            $"{task.TaskDirectory}:/local",
        };
        binds.AddRange(task.Mounts.Select(mount => $"{mount.HostPath}:{mount.TaskPath}{(mount.ReadOnly ? ":ro" : "")}"));
        foreach (var volume in config.Volumes)
        {
            var parts = volume.Split(':');
            if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || !parts[1].StartsWith('/') || (parts.Length == 3 && parts[2] is not ("ro" or "rw")))
                return (binds, $"config.volumes: '{volume}' is not host:container[:ro|rw] with an absolute container path");
            var host = Path.IsPathRooted(parts[0]) ? parts[0] : Path.Combine(task.TaskDirectory, parts[0]);
            binds.Add(string.Join(':', [host, .. parts[1..]]));
        }
        return (binds, null);
    }
}
