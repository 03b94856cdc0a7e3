using Reconciler.Clients;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Resources;
using Reconciler.Host.Api.Security;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;
using Reconciler.Resources.Validation;
using Reconciler.Store;

namespace Reconciler.Host.Api.Acl;

/// <summary>
/// Bootstrap and the token routes: create (the only answer that carries a secret, besides bootstrap's), list, read,
/// delete, self. The store keeps only each secret's SHA-256.
/// </summary>
public sealed class AclTokenHandlers(IResourceStore store, ResourceClient client, AclTokenResolver resolver, ManifestReader reader, TimeProvider time)
{
    private static readonly string TokenKind = KindInfo.Of<AclToken>().Name;
    private static readonly string PolicyKind = KindInfo.Of<AclPolicy>().Name;
    private readonly SemaphoreSlim _bootstrap = new(1, 1);

    /// <summary><c>POST /v1/acl/bootstrap</c>: the first management token, once.</summary>
    public async Task<IResult> BootstrapAsync(HttpContext http)
    {
        await _bootstrap.WaitAsync(http.RequestAborted);
        try
        {
            var tokens = await ListAsync(http.RequestAborted);
            if (tokens.Any(t => t.Spec.Type == AclTokenType.Management && !resolver.IsExpired(t)))
                throw ApiException.Conflict("ACL bootstrap already done: a management token exists. Use it to create tokens (`recon acl token create`); bootstrap opens again only when no management token is left.");
            return await CreateAsync(new AclTokenSpec { Name = "Bootstrap Token", Type = AclTokenType.Management }, http);
        }
        finally
        {
            _bootstrap.Release();
        }
    }

    /// <summary><c>POST /v1/acl/token</c>.</summary>
    public async Task<IResult> CreateAsync(AclTokenRequest request, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = request.Type switch
        {
            null or "client" => AclTokenType.Client,
            "management" => AclTokenType.Management,
            _ => throw ApiException.BadRequest($"Token type '{request.Type}' is not one; use client or management."),
        };
        TimeSpan? ttl = request.Ttl is null ? null
            : Duration.TryParse(request.Ttl, out var parsed) && parsed > TimeSpan.Zero ? parsed
            : throw ApiException.BadRequest($"ttl '{request.Ttl}' is not a positive duration; use e.g. 30m or 8h.");
        var policies = request.Policies ?? [];
        foreach (var policy in policies.Where(ResourceNames.IsValid))
            if (await store.GetAsync(new ResourceKey(PolicyKind, null, policy), http.RequestAborted) is null)
                throw ApiException.BadRequest($"ACL policy '{policy}' not found; create it first with `recon acl policy apply {policy} FILE.yaml`.");
        var spec = new AclTokenSpec { Name = request.Name, Type = type, Policies = policies, ExpirationTime = time.GetUtcNow() + ttl };
        return await CreateAsync(spec, http);
    }

    /// <summary><c>GET /v1/acl/tokens</c>.</summary>
    public async Task<IResult> ListAsync(HttpContext http)
    {
        var tokens = await ListAsync(http.RequestAborted);
        ResourceHandlers.SetIndex(http, store.Revision);
        return Results.Json<IReadOnlyList<AclTokenView>>([.. tokens.OrderBy(t => t.Metadata.CreatedAt).Select(t => AclTokenViews.Of(t))], ApiJson.Options);
    }

    /// <summary><c>GET /v1/acl/token/{accessor}</c>.</summary>
    public async Task<IResult> GetAsync(string accessor, HttpContext http) =>
        Results.Json(AclTokenViews.Of(await FindAsync(accessor, http.RequestAborted)), ApiJson.Options);

    /// <summary><c>GET /v1/acl/token/self</c>: the token the request carries.</summary>
    public async Task<IResult> SelfAsync(HttpContext http)
    {
        var secret = http.Request.Headers[ApiHeaders.Token].ToString();
        if (secret.Length == 0) throw ApiException.BadRequest("No token was sent; pass one with -token, RECON_TOKEN or a context.");
        var token = await resolver.FindAsync(secret, http.RequestAborted)
            ?? throw new ApiException(StatusCodes.Status403Forbidden, ApiErrorCodes.PermissionDenied, AclAuthorizer.TokenNotFound);
        return Results.Json(AclTokenViews.Of(token), ApiJson.Options);
    }

    /// <summary><c>DELETE /v1/acl/token/{accessor}</c>: the token stops working at once.</summary>
    public async Task<IResult> DeleteAsync(string accessor, HttpContext http)
    {
        var token = await FindAsync(accessor, http.RequestAborted);
        await client.DeleteAsync(token.Key, http.RequestAborted);
        ResourceHandlers.SetIndex(http, store.Revision);
        return Results.Json(new DeleteResponse(token.Key.ToString(), ChangeActions.Deleted, store.Revision), ApiJson.Options);
    }

    private async Task<IResult> CreateAsync(AclTokenSpec spec, HttpContext http)
    {
        var secret = AclSecret.NewId();
        var token = new AclToken { Metadata = new ObjectMeta { Name = AclSecret.NewId() }, Spec = spec with { SecretHash = AclSecret.Hash(secret) } };
        var errors = reader.Admission.Validate(token);
        if (errors.Count > 0) throw ApiException.BadRequest($"The token is invalid: {string.Join("; ", errors.Select(e => e.ToString()))}.");
        var stored = await client.ApplyAsync(token, 0, http.RequestAborted);
        ResourceHandlers.SetIndex(http, stored.Metadata.ResourceVersion);
        return Results.Json(AclTokenViews.Of(stored, secret), ApiJson.Options);
    }

    private async Task<IReadOnlyList<AclToken>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(new ListQuery(TokenKind), cancellationToken)).Items.OfType<AclToken>()];

    private async Task<AclToken> FindAsync(string accessor, CancellationToken cancellationToken) =>
        await store.GetAsync(new ResourceKey(TokenKind, null, accessor), cancellationToken) as AclToken
        ?? throw ApiException.NotFound($"No ACL token with accessor id '{accessor}'; list them with `recon acl token list`.");
}
