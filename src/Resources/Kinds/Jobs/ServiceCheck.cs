using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>A health check of a service. Interval and timeout have no defaults: as in Nomad, write them.</summary>
public sealed record ServiceCheck
{
    /// <summary>How the check probes the service.</summary>
    public CheckType Type { get; init; } = CheckType.Tcp;

    /// <summary>A name for people; defaults to the service name and check type.</summary>
    public string? Name { get; init; }

    /// <summary>The HTTP path requested by http checks, e.g. <c>/health</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The status an http check expects; null accepts any 2xx.</summary>
    [Range(100, 599)]
    public int? ExpectedStatus { get; init; }

    /// <summary>The program a script check runs inside the task.</summary>
    public string? Command { get; init; }

    /// <summary>The arguments of <see cref="Command"/>.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Time between checks.</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>How long one check may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; init; }
}
