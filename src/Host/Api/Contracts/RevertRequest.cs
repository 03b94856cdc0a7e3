namespace Reconciler.Host.Api.Contracts;

/// <summary>The body of <c>POST /v1/job/{name}/revert</c>.</summary>
/// <param name="Version">The recorded version whose spec becomes the job's new version.</param>
/// <param name="EnforcePriorVersion">When given, revert only if the job is still at this version (check-index of its version).</param>
public sealed record RevertRequest(long Version, long? EnforcePriorVersion);
