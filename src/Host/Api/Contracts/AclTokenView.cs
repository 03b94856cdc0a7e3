namespace Reconciler.Host.Api.Contracts;

/// <summary>An ACL token as the API shows it. The secret is there only in the answer that created it; never the hash.</summary>
/// <param name="AccessorId">The public id: <c>recon acl token info|delete</c> take it.</param>
/// <param name="Name">The name for people.</param>
/// <param name="Type"><c>client</c> or <c>management</c>.</param>
/// <param name="Policies">The policies of a client token.</param>
/// <param name="ExpirationTime">When it stops working; null for never.</param>
/// <param name="CreateTime">When it was created.</param>
/// <param name="CreateIndex">The store revision it was created at.</param>
/// <param name="SecretId">The secret to send as <c>X-Recon-Token</c>: shown once, at creation or bootstrap; null otherwise.</param>
public sealed record AclTokenView(string AccessorId, string? Name, string Type, IReadOnlyList<string> Policies, DateTimeOffset? ExpirationTime,
    DateTimeOffset? CreateTime, long CreateIndex, string? SecretId = null)
{
    /// <summary>Leaves the secret out, so a logged view cannot leak it.</summary>
    public override string ToString() => $"AclToken {AccessorId} ({Type}, {Name})";
}
