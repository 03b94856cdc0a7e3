using System.Text.Json.Nodes;

namespace Reconciler.Host.Api.Contracts;

/// <summary>The body of a list: the objects (secret values redacted) and the revision they were read at.</summary>
/// <param name="Items">The objects, each as the JSON the resource endpoints return.</param>
/// <param name="Index">The store revision the list was read at (also in <c>X-Recon-Index</c>).</param>
public sealed record ResourceList(IReadOnlyList<JsonObject> Items, long Index);
