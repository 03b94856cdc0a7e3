namespace Reconciler.Host.Cli;

/// <summary>How a read command prints: a table for people, or JSON/YAML for programs (<c>-o</c>).</summary>
public enum OutputFormat
{
    /// <summary>Aligned columns.</summary>
    Table,
    /// <summary>Indented JSON.</summary>
    Json,
    /// <summary>YAML.</summary>
    Yaml,
}
