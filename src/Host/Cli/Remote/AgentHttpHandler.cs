using System.Net;

namespace Reconciler.Host.Cli.Remote;

/// <summary>
/// The HTTP handler of a CLI command: one short-lived process talking to one agent, so nothing is set up that the
/// first request would pay for and no command uses (cookies, decompression, a system proxy that is not there).
/// </summary>
internal static class AgentHttpHandler
{
    // The variables .NET (and Go's net/http, which Nomad's CLI uses) read a proxy from.
    private static readonly string[] ProxyVariables = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"];

    /// <summary>A handler for requests to <paramref name="address"/>.</summary>
    public static SocketsHttpHandler Create(Uri address) => new()
    {
        UseProxy = UsesProxy(address, Environment.GetEnvironmentVariable),
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    };

    /// <summary>
    /// True when a request to <paramref name="address"/> may go through a proxy: a proxy variable is set and the agent
    /// is not on this machine (as Go's <c>ProxyFromEnvironment</c>, a loopback agent is never proxied).
    /// </summary>
    public static bool UsesProxy(Uri address, Func<string, string?> variable) =>
        !address.IsLoopback && ProxyVariables.Any(name => !string.IsNullOrEmpty(variable(name)));
}
