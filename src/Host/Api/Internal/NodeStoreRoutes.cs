namespace Reconciler.Host.Api.Internal;

/// <summary>
/// The node-facing store API both sides agree on: the server maps it (<see cref="NodeStoreEndpoints"/>), a client-only
/// agent's <c>HttpResourceStore</c> calls it. Objects travel whole, secret values included, so only agents call it.
/// </summary>
public static class NodeStoreRoutes
{
    /// <summary>The prefix of every route.</summary>
    public const string Prefix = "/v1/internal/store";

    /// <summary><c>GET</c>: the server's revision and the heartbeat TTL it grants.</summary>
    public const string Info = Prefix + "/info";

    /// <summary><c>GET ?kind=&amp;namespace=&amp;name=</c>, <c>PUT ?expected=</c> (body: the object), <c>DELETE ?kind=&amp;namespace=&amp;name=&amp;expected=</c>.</summary>
    public const string Object = Prefix + "/object";

    /// <summary><c>GET ?kind=&amp;namespace=&amp;selector=</c>: <c>{"revision":N,"items":[...]}</c>.</summary>
    public const string List = Prefix + "/list";

    /// <summary><c>POST</c> a transaction: <c>{"operations":[...]}</c>.</summary>
    public const string Commit = Prefix + "/commit";

    /// <summary><c>GET ?after=N&amp;kind=&amp;namespace=</c>: NDJSON of changes and progress lines.</summary>
    public const string Watch = Prefix + "/watch";

    /// <summary>On every request: the name of the node asking; the server shows it only what that node needs.</summary>
    public const string NodeHeader = "X-Recon-Node";
}
