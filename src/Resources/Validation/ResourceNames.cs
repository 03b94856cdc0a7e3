using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Reconciler.Resources.Validation;

/// <summary>The rule built-in kinds hold names and namespaces to: DNS labels, so they fit in hostnames, paths and URLs.</summary>
public static partial class ResourceNames
{
    /// <summary>The longest name allowed.</summary>
    public const int MaxLength = 63;

    /// <summary>What a valid name looks like, for hints.</summary>
    public const string Rule = "use lowercase letters, digits and '-', start and end with a letter or digit, at most 63 characters, e.g. web-1";

    /// <summary>True when <paramref name="name"/> is a DNS label.</summary>
    public static bool IsValid(string name) => name.Length <= MaxLength && DnsLabel().IsMatch(name);

    /// <summary>
    /// The name of an object derived from another's (<c>web-v2</c>, <c>web-v2-blocked</c>): <c>name-suffix</c>, kept
    /// within <see cref="MaxLength"/>. When that is too long, <paramref name="name"/> is cut and followed by 8 hex digits
    /// of its hash, so two long names that share a beginning still derive different names.
    /// </summary>
    public static string Derive(string name, string suffix)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(suffix);
        var joined = $"{name}-{suffix}";
        if (joined.Length <= MaxLength) return joined;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        var cut = name[..Math.Max(0, MaxLength - suffix.Length - hash.Length - 2)].TrimEnd('-');
        return cut.Length == 0 ? $"{hash}-{suffix}" : $"{cut}-{hash}-{suffix}";
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
