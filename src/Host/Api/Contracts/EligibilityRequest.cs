namespace Reconciler.Host.Api.Contracts;

/// <summary>The body of <c>POST /v1/node/{name}/eligibility</c>.</summary>
public sealed record EligibilityRequest(bool Eligible);
