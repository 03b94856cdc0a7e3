using Reconciler.Resources.Diagnostics;

namespace Reconciler.Resources.Agent;

/// <summary>
/// What reading an agent config gave: the config when the file is valid, otherwise every error
/// found in it, in file order.
/// </summary>
/// <param name="Config">The config; null whenever <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every problem in the file, each with file:line:column and key path.</param>
public sealed record AgentConfigReadResult(AgentConfig? Config, IReadOnlyList<SourceError> Errors)
{
    /// <summary>True when the file had no errors and <see cref="Config"/> is set.</summary>
    public bool IsValid => Errors.Count == 0 && Config is not null;
}
