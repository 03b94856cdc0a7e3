namespace Reconciler.Drivers;

/// <summary>A command to run inside a running task (<c>recon alloc exec</c>), with its streams.</summary>
public sealed record ExecRequest
{
    /// <summary>The program and its arguments.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Fed to the command's stdin, then closed; null gives it an empty stdin.</summary>
    public Stream? Stdin { get; init; }

    /// <summary>Receives the command's stdout.</summary>
    public Stream Stdout { get; init; } = Stream.Null;

    /// <summary>Receives the command's stderr.</summary>
    public Stream Stderr { get; init; } = Stream.Null;

    /// <summary>
    /// The caller asked for a terminal (<c>alloc exec -t</c>): the command sees a tty and its stderr is merged into
    /// <see cref="Stdout"/>, as a terminal shows it. A driver that cannot give one fails the exec saying so
    /// (<see cref="ExecResult.Failure"/>) rather than running the command without.
    /// </summary>
    public bool Tty { get; init; }
}
