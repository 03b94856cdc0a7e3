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

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
