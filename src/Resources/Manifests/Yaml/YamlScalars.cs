using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reconciler.Resources.Manifests.Yaml;

/// <summary>
/// The YAML 1.2 core schema for plain scalars: which ones are null, booleans and numbers. Used to
/// type free-form maps on read, and on write to quote strings that would otherwise read back typed.
/// </summary>
internal static partial class YamlScalars
{
    public static bool IsNull(string plain) => plain is "" or "~" or "null" or "Null" or "NULL";

    public static bool? AsBool(string plain) => plain switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public static bool IsInteger(string plain) => IntegerPattern().IsMatch(plain);

    public static bool IsFloat(string plain) => FloatPattern().IsMatch(plain) || SpecialFloatPattern().IsMatch(plain);

    /// <summary>True when a plain scalar with this text would not read back as a string.</summary>
    public static bool ReadsAsNonString(string text) => IsNull(text) || AsBool(text) is not null || IsInteger(text) || IsFloat(text);

    /// <summary>The JSON value a plain scalar stands for in a free-form map.</summary>
    public static JsonNode? ToJson(string plain)
    {
        if (IsNull(plain)) return null;
        if (AsBool(plain) is { } b) return JsonValue.Create(b);
        if (IsInteger(plain) && long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        // JSON has no infinity or NaN, and huge integers would lose digits: keep those as text.
        if (FloatPattern().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && !IsInteger(plain))
            return JsonValue.Create(d);
        return JsonValue.Create(plain);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0x[0-9a-fA-F]+|0o[0-7]+)$")]
    private static partial Regex SpecialFloatPattern();
}
