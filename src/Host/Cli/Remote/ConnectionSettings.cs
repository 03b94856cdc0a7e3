using Reconciler.Host.Cli.Contexts;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Cli.Remote;

/// <summary>
/// Which agent a remote command talks to, with which token, in which namespace. Each is taken from the first that
/// gives it: the flag (<c>-address</c>, <c>-token</c>, <c>-n</c>), the environment (<c>RECON_ADDR</c>,
/// <c>RECON_TOKEN</c>, <c>RECON_NAMESPACE</c>), the current context, the default. So are the TLS files (<see cref="Tls"/>):
/// <c>--ca-cert</c>, <c>--client-cert</c>, <c>--client-key</c>, then <c>RECON_CACERT</c>, <c>RECON_CLIENT_CERT</c>,
/// <c>RECON_CLIENT_KEY</c>, then the context's; <c>--tls-skip-verify</c> or <c>RECON_SKIP_VERIFY</c> turns checking off.
/// </summary>
/// <param name="Address">The agent's base address.</param>
/// <param name="Token">The token, or null.</param>
/// <param name="Namespace">The namespace.</param>
public sealed record ConnectionSettings(Uri Address, string? Token, string Namespace)
{
    /// <summary>Where an agent listens unless told otherwise.</summary>
    public const string DefaultAddress = "http://127.0.0.1:4747";

    /// <summary>The TLS files for an https address; none by default.</summary>
    public CliTls Tls { get; init; } = CliTls.None;

    /// <summary>Resolves the settings from flags (null when not given), the environment and the current context.</summary>
    public static ConnectionSettings Resolve(string? addressFlag, string? tokenFlag, string? namespaceFlag, CliEnvironment environment, CliTls? tlsFlags = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var context = ContextFile.Load(environment.ConfigDirectory).Current;
        var address = First(addressFlag, environment.NonEmpty("RECON_ADDR"), context?.Address) ?? DefaultAddress;
        var token = First(tokenFlag, environment.NonEmpty("RECON_TOKEN"), context?.Token);
        var ns = First(namespaceFlag, environment.NonEmpty("RECON_NAMESPACE"), context?.Namespace) ?? ObjectMeta.DefaultNamespace;
        var flags = tlsFlags ?? CliTls.None;
        var tls = new CliTls(
            First(flags.CaCert, environment.NonEmpty("RECON_CACERT"), context?.CaCert),
            First(flags.ClientCert, environment.NonEmpty("RECON_CLIENT_CERT"), context?.ClientCert),
            First(flags.ClientKey, environment.NonEmpty("RECON_CLIENT_KEY"), context?.ClientKey),
            flags.SkipVerify || IsTrue(environment.NonEmpty("RECON_SKIP_VERIFY")));
        return new ConnectionSettings(ParseAddress(address), token, ns) { Tls = tls };
    }

    /// <summary>An agent address as people write it: <c>http://host:port</c>, or <c>host:port</c> meaning http.</summary>
    public static Uri ParseAddress(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/")
            return uri;
        throw new CommandException($"'{text}' is not an agent address; use e.g. http://127.0.0.1:4747.");
    }

    /// <summary>Leaves the token out, so printed settings cannot leak it.</summary>
    public override string ToString() => $"ConnectionSettings {{ Address = {Address}, Namespace = {Namespace} }}";

    private static bool IsTrue(string? value) => value == "1" || (bool.TryParse(value, out var on) && on);

    private static string? First(params string?[] candidates) => candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c));
}
