namespace Reconciler.Resources.Kinds;

/// <summary>How a task reacts when one of its templates renders differently.</summary>
public enum TemplateChangeMode
{
    /// <summary>Restart the task.</summary>
    Restart,
    /// <summary>Send the template's changeSignal.</summary>
    Signal,
    /// <summary>Do nothing.</summary>
    Noop,
}
