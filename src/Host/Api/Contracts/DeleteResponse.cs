namespace Reconciler.Host.Api.Contracts;

/// <summary>What <c>DELETE /v1/{kind}/{name}</c> did.</summary>
/// <param name="Key">The object.</param>
/// <param name="Action"><c>deleted</c> or <c>terminating</c> (see <see cref="ChangeActions"/>).</param>
/// <param name="Revision">The store revision after the delete.</param>
public sealed record DeleteResponse(string Key, string Action, long Revision);
