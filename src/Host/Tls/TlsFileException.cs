namespace Reconciler.Host.Tls;

/// <summary>
/// A certificate, key or CA file that cannot be used: the message names the setting (<c>tls.key_file</c>,
/// <c>--ca-cert</c>), the file, why, and what to do. An <see cref="ArgumentException"/>, as any other bad agent setting.
/// </summary>
public sealed class TlsFileException(string setting, string path, string reason, string? hint = null)
    : ArgumentException($"{setting}: cannot use {path}: {reason}{(hint is null ? "" : $"; {hint}")}.")
{
    /// <summary>The setting that named the file, e.g. <c>tls.key_file</c>.</summary>
    public string Setting { get; } = setting;
}
