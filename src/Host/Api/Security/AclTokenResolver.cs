using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Security;

/// <summary>
/// Finds the token a secret belongs to (by its hash; expired tokens are not found) and what its policies allow. Reads
/// the store every time, so a deleted token or a changed policy takes effect on the next request.
/// </summary>
/// <remarks>
/// Which accessor a hash belongs to is remembered, so a known secret costs one read by key rather than a list of
/// every token; the read confirms it, and any miss (a new, deleted or replaced token, a wrong secret) lists again.
/// </remarks>
public sealed class AclTokenResolver(IResourceStore store, TimeProvider time)
{
    /// <summary>The policy anonymous requests get, when it exists.</summary>
    public const string AnonymousPolicy = "anonymous";

    private static readonly string TokenKind = KindInfo.Of<AclToken>().Name;
    private static readonly string PolicyKind = KindInfo.Of<AclPolicy>().Name;

    private volatile IReadOnlyDictionary<string, ResourceKey> _keysByHash = new Dictionary<string, ResourceKey>(StringComparer.Ordinal);

    /// <summary>The live token whose secret is <paramref name="secret"/>, or null.</summary>
    public async ValueTask<AclToken?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = AclSecret.Hash(secret);
        var token = _keysByHash.TryGetValue(hash, out var key)
                && await store.GetAsync(key, cancellationToken) is AclToken known && known.Spec.SecretHash == hash
            ? known
            : await ListAsync(hash, cancellationToken);
        return token is not null && !IsExpired(token) ? token : null;
    }

    // Lists every token, remembers each hash's accessor, and returns the first token with hash.
    private async ValueTask<AclToken?> ListAsync(string hash, CancellationToken cancellationToken)
    {
        var tokens = (await store.ListAsync(new ListQuery(TokenKind), cancellationToken)).Items.OfType<AclToken>().ToList();
        var keysByHash = new Dictionary<string, ResourceKey>(StringComparer.Ordinal);
        foreach (var token in tokens) keysByHash.TryAdd(token.Spec.SecretHash, token.Key);
        _keysByHash = keysByHash;
        return tokens.FirstOrDefault(t => t.Spec.SecretHash == hash);
    }

    /// <summary>True when <paramref name="token"/> has passed its expiration time.</summary>
    public bool IsExpired(AclToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Spec.ExpirationTime is { } expires && expires <= time.GetUtcNow();
    }

    /// <summary>What <paramref name="token"/> may do; null stands for anonymous requests (the <c>anonymous</c> policy, if any).</summary>
    public async ValueTask<AclPermissions> PermissionsAsync(AclToken? token, CancellationToken cancellationToken)
    {
        if (token?.Spec.Type == AclTokenType.Management) return AclPermissions.Management;
        var names = token?.Spec.Policies ?? [AnonymousPolicy];
        var policies = new List<AclPolicySpec>();
        foreach (var name in names)
            if (await store.GetAsync(new ResourceKey(PolicyKind, null, name), cancellationToken) is AclPolicy policy)
                policies.Add(policy.Spec);
        return AclPermissions.Of(policies);
    }
}
