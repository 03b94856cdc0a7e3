using System.CommandLine;

namespace Reconciler.Host.Cli.Jobs;

/// <summary>Flags in Nomad's single-dash spelling, with the GNU double-dash one as an alias (<c>-check-index</c>, <c>--check-index</c>).</summary>
public static class NomadFlag
{
    /// <summary>A flag named <paramref name="name"/> (without dashes).</summary>
    public static Option<T> Create<T>(string name, string description) => new($"-{name}", $"--{name}") { Description = description };
}
