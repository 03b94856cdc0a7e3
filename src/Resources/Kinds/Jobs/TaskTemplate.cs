using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>A file rendered from a template, e.g. with secrets, before the task starts and whenever its inputs change.</summary>
public sealed record TaskTemplate
{
    /// <summary>The path of the rendered file, relative to the task directory.</summary>
    [Required]
    public string Destination { get; init; } = "";

    /// <summary>The template text.</summary>
    [Required]
    public string Data { get; init; } = "";

    /// <summary>Read the rendered file as KEY=value lines into the task's environment.</summary>
    public bool Env { get; init; }

    /// <summary>What happens to the task when the rendered file changes (default restart).</summary>
    public TemplateChangeMode ChangeMode { get; init; } = TemplateChangeMode.Restart;

    /// <summary>The signal sent when <see cref="ChangeMode"/> is signal, e.g. SIGHUP.</summary>
    public string? ChangeSignal { get; init; }
}
