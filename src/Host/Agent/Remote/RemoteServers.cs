using System.Globalization;

namespace Reconciler.Host.Agent.Remote;

/// <summary>
/// The servers a client-only agent talks to (the config's <c>client.servers</c>, each <c>host</c> or <c>host:port</c>,
/// the HTTP port defaulting to 4747, or a URL such as <c>https://host:port</c>), tried in turn: a failure moves to the next one.
/// </summary>
public sealed class RemoteServers
{
    /// <summary>The HTTP port of a server address that names none.</summary>
    public const int DefaultPort = 4747;

    private readonly Uri[] _addresses;
    private int _current;

    /// <summary>Reads <paramref name="servers"/> (at least one), an address without a scheme taking <paramref name="defaultScheme"/> (https with <c>tls.rpc</c>).</summary>
    public RemoteServers(IReadOnlyList<string> servers, string defaultScheme = "http")
    {
        ArgumentNullException.ThrowIfNull(servers);
        if (servers.Count == 0) throw new ArgumentException("A client-only agent needs client.servers, e.g. servers = [\"127.0.0.1:4747\"].", nameof(servers));
        _addresses = [.. servers.Select(server => Parse(server, defaultScheme))];
    }

    /// <summary>Every server's base address.</summary>
    public IReadOnlyList<Uri> All => _addresses;

    /// <summary>The server to ask now.</summary>
    public Uri Current => _addresses[Volatile.Read(ref _current) % _addresses.Length];

    /// <summary>Moves on to the next server after <see cref="Current"/> failed.</summary>
    public void Next() => Interlocked.Increment(ref _current);

    /// <summary>The servers as one line for messages: <c>127.0.0.1:4747, 10.0.0.2:4747</c>.</summary>
    public override string ToString() => string.Join(", ", _addresses.Select(a => a.Authority));

    private static Uri Parse(string server, string defaultScheme)
    {
        var text = server.Contains("://", StringComparison.Ordinal) ? server : $"{defaultScheme}://{server}";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            throw new ArgumentException($"client.servers: \"{server}\" is not a server address; write host or host:port, e.g. \"127.0.0.1:4747\".");
        var port = uri.IsDefaultPort && !HasPort(server) ? DefaultPort : uri.Port;
        return new UriBuilder(uri.Scheme, uri.Host, port).Uri;
    }

    private static bool HasPort(string server)
    {
        var colon = server.LastIndexOf(':');
        return colon >= 0 && int.TryParse(server.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
