using System.Text;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>The desired state of a <see cref="Secret"/>: values by key.</summary>
public sealed record SecretSpec
{
    /// <summary>What <see cref="ToString"/> and the display writer show instead of a value.</summary>
    public const string Redacted = "(redacted)";

    /// <summary>The secret values by key; templates read them as <c>{{ secret "name" "key" }}</c>.</summary>
    [Sensitive]
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    // Records print every member by default; a secret prints its keys and nothing else, so a stray
    // log line or exception message that formats the object cannot leak a value.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Data = { ");
        builder.AppendJoin(", ", Data.Keys.Select(k => $"{k} = {Redacted}"));
        builder.Append(" }");
        return true;
    }
}
