using Microsoft.Extensions.Time.Testing;
using Reconciler.Host.Api.Security;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Tests.Api.Acl;

public sealed class AclTokenResolverTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly InMemoryResourceStore _store = new();

    private async Task<string> StoreTokenAsync(TimeSpan? ttl, params string[] policies)
    {
        var secret = AclSecret.NewId();
        await _store.PutAsync(new AclToken
        {
            Metadata = new ObjectMeta { Name = AclSecret.NewId() },
            Spec = new AclTokenSpec { Name = "t", Policies = policies, SecretHash = AclSecret.Hash(secret), ExpirationTime = _time.GetUtcNow() + ttl },
        });
        return secret;
    }

    [Fact]
    public async Task A_token_is_found_by_its_secret_until_it_expires()
    {
        var resolver = new AclTokenResolver(_store, _time);
        var secret = await StoreTokenAsync(TimeSpan.FromHours(1), "readonly");

        var before = await resolver.FindAsync(secret, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        var after = await resolver.FindAsync(secret, CancellationToken.None);
        var wrong = await resolver.FindAsync(AclSecret.NewId(), CancellationToken.None);

        before.Should().NotBeNull();
        after.Should().BeNull("the token expired");
        wrong.Should().BeNull();
    }

    [Fact]
    public async Task A_deleted_token_is_not_found_on_the_next_request_though_it_was_found_before()
    {
        var resolver = new AclTokenResolver(_store, _time);
        var secret = await StoreTokenAsync(null, "readonly");
        var token = await resolver.FindAsync(secret, CancellationToken.None);

        await _store.DeleteAsync(token!.Key);
        var after = await resolver.FindAsync(secret, CancellationToken.None);

        after.Should().BeNull("the token was deleted");
    }

    [Fact]
    public async Task A_client_token_gets_the_rules_of_the_policies_that_exist_and_a_missing_one_grants_nothing()
    {
        var resolver = new AclTokenResolver(_store, _time);
        await _store.PutAsync(new AclPolicy
        {
            Metadata = new ObjectMeta { Name = "readonly" },
            Spec = new AclPolicySpec { Namespaces = [new AclNamespaceRule { Name = "default", Policy = AclLevel.Read }] },
        });
        var token = await resolver.FindAsync(await StoreTokenAsync(null, "readonly", "gone"), CancellationToken.None);

        var permissions = await resolver.PermissionsAsync(token, CancellationToken.None);
        var anonymous = await resolver.PermissionsAsync(null, CancellationToken.None);

        permissions.Allows("default", AclCapabilities.ReadJob).Should().BeTrue();
        permissions.Allows("default", AclCapabilities.SubmitJob).Should().BeFalse();
        anonymous.Allows("default", AclCapabilities.ReadJob).Should().BeFalse("there is no anonymous policy");
    }
}
