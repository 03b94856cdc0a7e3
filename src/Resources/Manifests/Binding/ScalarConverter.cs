using System.Globalization;
using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Manifests.Yaml;
using Reconciler.Resources.Model;
using Reconciler.Resources.Reflection;

namespace Reconciler.Resources.Manifests.Binding;

/// <summary>
/// Converts a YAML scalar to a typed field: booleans and numbers must be plain (a quoted "5" is a
/// string, not a number), enums must use their written names, durations Go's form. Messages about a
/// sensitive field never quote its text.
/// </summary>
internal static class ScalarConverter
{
    public const string DurationForms = "write a number with a unit, e.g. 500ms, 30s, 10m, 1h30m (units: ns, us, ms, s, m, h)";

    public static bool Handles(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid);

    public static ScalarConversion Convert(ManifestScalar scalar, Type type, bool sensitive)
    {
        var text = scalar.Value;
        var shown = sensitive ? "the value" : $"'{text}'";
        if (type.IsEnum) return ConvertEnum(text, type, shown, sensitive);
        if (type == typeof(TimeSpan))
            return Duration.TryParse(text, out var duration)
                ? ScalarConversion.Success(duration)
                : ScalarConversion.Failure($"{shown} is not a duration", DurationForms);
        if (type == typeof(DateTimeOffset))
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? ScalarConversion.Success(time)
                : ScalarConversion.Failure($"{shown} is not a timestamp", "write ISO 8601, e.g. 2024-05-01T12:00:00Z");
        if (type == typeof(DateTime))
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt)
                ? ScalarConversion.Success(dt)
                : ScalarConversion.Failure($"{shown} is not a timestamp", "write ISO 8601, e.g. 2024-05-01T12:00:00Z");
        if (type == typeof(Guid))
            return Guid.TryParse(text, out var guid) ? ScalarConversion.Success(guid) : ScalarConversion.Failure($"{shown} is not a UUID");
        if (type == typeof(bool)) return ConvertBool(scalar, shown);
        return ConvertNumber(scalar, type, shown);
    }

    private static ScalarConversion ConvertBool(ManifestScalar scalar, string shown)
    {
        if (scalar.IsPlain && YamlScalars.AsBool(scalar.Value) is { } value) return ScalarConversion.Success(value);
        return scalar.IsPlain
            ? ScalarConversion.Failure($"expected true or false, found {shown}", "YAML 1.2 has no yes/no/on/off booleans; write true or false")
            : ScalarConversion.Failure($"expected true or false, found the quoted string {shown}", "remove the quotes");
    }

    private static ScalarConversion ConvertNumber(ManifestScalar scalar, Type type, string shown)
    {
        var integral = type != typeof(double) && type != typeof(float) && type != typeof(decimal);
        var what = integral ? "an integer" : "a number";
        if (!scalar.IsPlain)
            return ScalarConversion.Failure($"expected {what}, found the quoted string {shown}", "remove the quotes");
        if (integral && !YamlScalars.IsInteger(scalar.Value))
            return ScalarConversion.Failure($"expected {what}, found {shown}");
        if (!integral && !YamlScalars.IsInteger(scalar.Value) && !YamlScalars.IsFloat(scalar.Value))
            return ScalarConversion.Failure($"expected {what}, found {shown}");
        try
        {
            return ScalarConversion.Success(System.Convert.ChangeType(scalar.Value, type, CultureInfo.InvariantCulture));
        }
        catch (OverflowException)
        {
            var (min, max) = Limits(type);
            return ScalarConversion.Failure($"{shown} is out of range", $"the allowed range is {min}..{max}");
        }
    }

    private static ScalarConversion ConvertEnum(string text, Type type, string shown, bool sensitive)
    {
        if (EnumNames.TryParse(type, text, out var value)) return ScalarConversion.Success(value);
        var names = EnumNames.All(type).Select(n => n.Key).ToList();
        var guess = sensitive ? null : SpellingSuggestion.Hint(text, names);
        return ScalarConversion.Failure($"{shown} is not one of: {string.Join(", ", names)}", guess);
    }

    private static (object Min, object Max) Limits(Type type) =>
        (type.GetField("MinValue")?.GetValue(null) ?? "?", type.GetField("MaxValue")?.GetValue(null) ?? "?");
}
