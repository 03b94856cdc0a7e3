using System.Text.Json.Nodes;

namespace Reconciler.Host.Api.Contracts;

/// <summary>The answer to <c>GET /v1/node/{name}</c>: the node and the allocations placed on it.</summary>
public sealed record NodeWithAllocations(JsonObject Node, IReadOnlyList<JsonObject> Allocations);
