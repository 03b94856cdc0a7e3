namespace Reconciler.Resources.Kinds;

/// <summary>How a service check probes its service.</summary>
public enum CheckType
{
    /// <summary>An HTTP GET that must answer with the expected status.</summary>
    Http,
    /// <summary>A TCP connection that must be accepted.</summary>
    Tcp,
    /// <summary>A command inside the task that must exit 0.</summary>
    Script,
}
