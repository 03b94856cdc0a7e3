namespace Reconciler.Host.Api.Contracts;

/// <summary>The body of <c>POST /v1/deployment/allocation-health</c>: manual health (a job whose update.healthCheck is manual).</summary>
/// <param name="Healthy">Allocation ids (or unambiguous prefixes) to mark healthy.</param>
/// <param name="Unhealthy">Allocation ids (or unambiguous prefixes) to mark unhealthy.</param>
public sealed record AllocationHealthRequest(IReadOnlyList<string>? Healthy, IReadOnlyList<string>? Unhealthy);
