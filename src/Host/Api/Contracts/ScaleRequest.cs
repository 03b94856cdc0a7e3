namespace Reconciler.Host.Api.Contracts;

/// <summary>The body of <c>POST /v1/job/{name}/scale</c>: the group (may be left out when the job has one) and its new count.</summary>
public sealed record ScaleRequest(string? Group, int Count);
