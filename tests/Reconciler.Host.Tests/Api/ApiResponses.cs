using System.Text.Json.Nodes;

namespace Reconciler.Host.Tests.Api;

/// <summary>Reads API responses in tests.</summary>
internal static class ApiResponses
{
    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>The <c>error</c> object of an error body.</summary>
    public static async Task<JsonObject> ErrorAsync(this HttpResponseMessage response) => (await response.JsonAsync())["error"]!.AsObject();

    public static long Index(this HttpResponseMessage response) => long.Parse(response.Headers.GetValues("X-Recon-Index").Single());
}
