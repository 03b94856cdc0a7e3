namespace Reconciler.Host.Api.Contracts;

/// <summary>The body of <c>POST /v1/node/{name}/drain</c>: enable (with a deadline) or disable draining.</summary>
/// <param name="Enable">Start draining; false stops draining and makes the node eligible again.</param>
/// <param name="Deadline">How long allocations may take to migrate; null for the default (1h).</param>
public sealed record DrainRequest(bool Enable, TimeSpan? Deadline);
