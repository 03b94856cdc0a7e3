namespace Reconciler.Drivers.Docker;

/// <summary>The <c>config</c> of a docker task.</summary>
public sealed record DockerTaskConfig
{
    /// <summary>The image, which must be present on the machine: no registry is contacted.</summary>
    public required string Image { get; init; }

    /// <summary>Replaces the image's entrypoint when set.</summary>
    public string? Command { get; init; }

    /// <summary>Arguments: the container's command, after <see cref="Command"/> when that is set.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Labels of the group's network ports to publish.</summary>
    public IReadOnlyList<string> Ports { get; init; } = [];

    /// <summary>Extra container labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Bind mounts as <c>host:container[:ro]</c>; relative host paths are in the task directory.</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];

    /// <summary>Docker's network mode, e.g. <c>bridge</c> (default), <c>host</c>, <c>none</c>.</summary>
    public string? NetworkMode { get; init; }
}
