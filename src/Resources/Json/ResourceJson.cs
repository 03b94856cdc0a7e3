using System.Text.Json;
using System.Text.Json.Serialization;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Json;

/// <summary>
/// The JSON form of resources, used by the store, the snapshot file and the HTTP API:
/// camelCase names, enums as camelCase strings, durations as Go-style strings, nulls omitted.
/// </summary>
public sealed class ResourceJson(ResourceKindRegistry kinds)
{
    /// <summary>A serializer over <see cref="ResourceKindRegistry.Default"/>.</summary>
    public static ResourceJson Default { get; } = new(ResourceKindRegistry.Default);

    /// <summary>The options every resource is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The kinds this serializer can read.</summary>
    public ResourceKindRegistry Kinds { get; } = kinds;

    /// <summary>Writes a resource as UTF-8 JSON.</summary>
    public byte[] Serialize(Resource resource) => JsonSerializer.SerializeToUtf8Bytes(resource, resource.GetType(), Options);

    /// <summary>Writes a resource to a JSON writer.</summary>
    public void Serialize(Utf8JsonWriter writer, Resource resource) => JsonSerializer.Serialize(writer, resource, resource.GetType(), Options);

    /// <summary>Reads a resource, choosing its type by its <c>kind</c> field.</summary>
    public Resource Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var kind = ReadKind(utf8Json);
        var info = Kinds.Get(kind);
        return (Resource)(JsonSerializer.Deserialize(utf8Json, info.Type, Options)
            ?? throw new JsonException("A resource document was null."));
    }

    /// <summary>Reads a resource from a parsed JSON element.</summary>
    public Resource Deserialize(JsonElement element)
    {
        var kind = element.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String
            ? k.GetString()!
            : throw new JsonException("The object has no 'kind' field; every resource names its kind, e.g. \"kind\": \"Job\".");
        return (Resource)(element.Deserialize(Kinds.Get(kind).Type, Options)
            ?? throw new JsonException("A resource document was null."));
    }

    private static string ReadKind(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A resource must be a JSON object.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isKind = reader.ValueTextEquals("kind"u8);
            reader.Read();
            if (isKind && reader.TokenType == JsonTokenType.String) return reader.GetString()!;
            reader.Skip();
        }
        throw new JsonException("The object has no 'kind' field; every resource names its kind, e.g. \"kind\": \"Job\".");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new DurationJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
