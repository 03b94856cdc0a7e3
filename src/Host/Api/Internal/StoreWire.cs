using System.Globalization;
using System.Text.Json;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Internal;

/// <summary>
/// The JSON bodies of the node-facing store API, written by one side and read by the other: whole objects in the store's
/// own JSON (<see cref="ResourceJson"/>, nothing redacted), lists, transactions and their results, and watch lines.
/// </summary>
public sealed class StoreWire(ResourceJson json)
{
    /// <summary>An object as the store writes it.</summary>
    public byte[] Object(Resource resource) => json.Serialize(resource);

    /// <summary>Reads an object.</summary>
    public Resource ReadObject(JsonElement element) => json.Deserialize(element);

    /// <summary><c>{"revision":N,"items":[...]}</c>.</summary>
    public byte[] List(IEnumerable<Resource> items, long revision) => Write(writer =>
    {
        writer.WriteNumber("revision", revision);
        WriteArray(writer, "items", items);
    });

    /// <summary>Reads a list body.</summary>
    public ListResult ReadList(JsonElement body) =>
        new([.. body.GetProperty("items").EnumerateArray().Select(json.Deserialize)], body.GetProperty("revision").GetInt64());

    /// <summary><c>{"operations":[{"op":"put","object":{...},"expected":N},{"op":"delete","kind":..,"namespace":..,"name":..}]}</c>.</summary>
    public byte[] Transaction(StoreTransaction transaction) => Write(writer =>
    {
        writer.WriteStartArray("operations");
        foreach (var operation in transaction.Operations)
        {
            writer.WriteStartObject();
            if (operation is StoreOperation.Put put)
            {
                writer.WriteString("op", "put");
                writer.WritePropertyName("object");
                json.Serialize(writer, put.Resource);
            }
            else
            {
                writer.WriteString("op", "delete");
                WriteKey(writer, operation.Key);
            }
            if (operation.ExpectedRevision is { } expected) writer.WriteNumber("expected", expected);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    /// <summary>Reads a transaction body.</summary>
    public StoreTransaction ReadTransaction(JsonElement body)
    {
        var transaction = new StoreTransaction();
        foreach (var operation in body.GetProperty("operations").EnumerateArray())
        {
            long? expected = operation.TryGetProperty("expected", out var e) ? e.GetInt64() : null;
            if (operation.GetProperty("op").GetString() == "put") transaction.Put(json.Deserialize(operation.GetProperty("object")), expected);
            else transaction.Delete(ReadKey(operation), expected);
        }
        return transaction;
    }

    /// <summary><c>{"revision":N,"written":[...]}</c>.</summary>
    public byte[] Result(TransactionResult result) => Write(writer =>
    {
        writer.WriteNumber("revision", result.Revision);
        WriteArray(writer, "written", result.Written);
    });

    /// <summary>Reads a transaction result.</summary>
    public TransactionResult ReadResult(JsonElement body) =>
        new(body.GetProperty("revision").GetInt64(), [.. body.GetProperty("written").EnumerateArray().Select(json.Deserialize)]);

    /// <summary>A watch line for a change: <c>{"type":"added","revision":N,"object":{...}}</c>.</summary>
    public byte[] Change(WatchEvent change) => Write(writer =>
    {
        writer.WriteString("type", JsonNamingPolicy.CamelCase.ConvertName(change.Type.ToString()));
        writer.WriteNumber("revision", change.Revision);
        writer.WritePropertyName("object");
        json.Serialize(writer, change.Object);
    });

    /// <summary>A watch line saying every change up to <paramref name="revision"/> was sent or was not this node's.</summary>
    public static byte[] Progress(long revision) => Write(writer =>
    {
        writer.WriteString("type", "progress");
        writer.WriteNumber("revision", revision);
    });

    /// <summary>A watch line saying the revisions asked for are gone: relist.</summary>
    public static byte[] Gone(CompactedException compacted) => Write(writer =>
    {
        writer.WriteString("type", "gone");
        writer.WriteNumber("revision", compacted.RequestedRevision);
        writer.WriteNumber("oldest", compacted.OldestAvailable);
        writer.WriteString("message", compacted.Message);
    });

    /// <summary>Reads a watch line: a change, or the revision a progress line vouches for; a gone line throws <see cref="CompactedException"/>.</summary>
    public (WatchEvent? Change, long Revision) ReadLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var revision = root.GetProperty("revision").GetInt64();
        switch (root.GetProperty("type").GetString())
        {
            case "progress":
                return (null, revision);
            case "gone":
                throw new CompactedException(revision, root.GetProperty("oldest").GetInt64(), root.GetProperty("message").GetString());
            case var type:
                var change = Enum.Parse<WatchEventType>(type!, ignoreCase: true);
                return (new WatchEvent(change, json.Deserialize(root.GetProperty("object")), revision), revision);
        }
    }

    /// <summary>The query string naming <paramref name="key"/>: <c>kind=..&amp;namespace=..&amp;name=..</c>.</summary>
    public static string KeyQuery(ResourceKey key) =>
        $"kind={Uri.EscapeDataString(key.Kind)}&namespace={Uri.EscapeDataString(key.Namespace ?? "")}&name={Uri.EscapeDataString(key.Name)}";

    /// <summary>Reads the key <see cref="KeyQuery"/> wrote.</summary>
    public static ResourceKey ReadKeyQuery(IQueryCollection query) =>
        new(query["kind"].ToString(), query["namespace"].ToString() is { Length: > 0 } ns ? ns : null, query["name"].ToString());

    /// <summary>A revision query value (<c>expected</c>, <c>after</c>), or null when absent.</summary>
    public static long? ReadRevision(IQueryCollection query, string name) =>
        long.TryParse(query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static void WriteKey(Utf8JsonWriter writer, ResourceKey key)
    {
        writer.WriteString("kind", key.Kind);
        if (key.Namespace is not null) writer.WriteString("namespace", key.Namespace);
        writer.WriteString("name", key.Name);
    }

    private static ResourceKey ReadKey(JsonElement element) =>
        new(element.GetProperty("kind").GetString()!, element.TryGetProperty("namespace", out var ns) ? ns.GetString() : null, element.GetProperty("name").GetString()!);

    private void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<Resource> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items) json.Serialize(writer, item);
        writer.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
