using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>A service a task offers on one of the group's ports, with its health checks.</summary>
public sealed record TaskService
{
    /// <summary>The service name.</summary>
    [Required]
    public string Name { get; init; } = "";

    /// <summary>The label of a port in the group's network, or a literal port number.</summary>
    public string? Port { get; init; }

    /// <summary>Free-form tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Health checks; all must pass for the service to be healthy.</summary>
    public IReadOnlyList<ServiceCheck> Checks { get; init; } = [];
}
