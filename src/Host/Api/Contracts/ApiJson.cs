using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reconciler.Resources.Json;

namespace Reconciler.Host.Api.Contracts;

/// <summary>The JSON options of the API's own bodies (requests, lists, errors): the resource naming rules, compact.</summary>
public static class ApiJson
{
    /// <summary>camelCase, enums as strings, nulls left out — as <see cref="ResourceJson.Options"/> — and no HTML escaping.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ResourceJson.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // The API's own bodies from compiled metadata (less start-up work for every CLI command); anything else by reflection.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJsonContext.Default, ResourceJson.Options.TypeInfoResolver),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
