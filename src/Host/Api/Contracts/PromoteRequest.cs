namespace Reconciler.Host.Api.Contracts;

/// <summary>The body of <c>POST /v1/deployment/{id}/promote</c> (optional).</summary>
/// <param name="Groups">The task groups whose canaries to promote; every group when null or empty.</param>
public sealed record PromoteRequest(IReadOnlyList<string>? Groups);
