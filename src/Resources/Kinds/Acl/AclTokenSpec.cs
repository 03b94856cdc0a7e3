using System.Text;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>The desired state of an <see cref="AclToken"/>.</summary>
public sealed record AclTokenSpec
{
    /// <summary>A name for people, e.g. <c>ci-deployer</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>client</c> (what <see cref="Policies"/> allow) or <c>management</c> (everything).</summary>
    public AclTokenType Type { get; init; } = AclTokenType.Client;

    /// <summary>The names of the <see cref="AclPolicy"/> objects whose rules apply; a missing policy grants nothing.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>When the token stops working; never when null.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>The lower-case hex SHA-256 of the secret. Not the secret, yet never shown either.</summary>
    [Sensitive]
    public string SecretHash { get; init; } = "";

    // A logged token must not carry even its hash.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Name = {Name}, Type = {Type}, Policies = [{string.Join(", ", Policies)}], ExpirationTime = {ExpirationTime}, SecretHash = {SecretSpec.Redacted}");
        return true;
    }
}
