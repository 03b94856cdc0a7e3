using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Model;
using Reconciler.Resources.Reflection;

namespace Reconciler.Resources.Validation;

/// <summary>
/// Applies the data annotations of any model type ([Required], [Range], [MinLength],
/// [RegularExpression], …) through the whole object, so custom kinds get them without writing a validator.
/// Negative durations are refused everywhere.
/// </summary>
internal static class AnnotationValidator
{
    public static void Validate(Resource resource, ValidationReport report) => WalkObject(resource, "", false, report);

    private static void WalkObject(object target, string path, bool sensitive, ValidationReport report)
    {
        foreach (var property in ModelProperties.Of(target.GetType()))
        {
            var value = property.Property.GetValue(target);
            var childPath = FieldPath.Child(path, property.Name);
            var childSensitive = sensitive || property.IsSensitive;
            foreach (var attribute in property.Validations)
            {
                if (attribute.IsValid(value)) continue;
                var (message, hint) = Describe(attribute, property.Name, value, childSensitive);
                report.Add(childPath, message, hint);
            }
            // No field of the model means anything by a negative duration; Duration.Parse accepts one.
            if (value is TimeSpan duration && duration < TimeSpan.Zero)
                report.Add(childPath, $"{(childSensitive ? "the value" : Model.Duration.Format(duration))} is negative", "durations must be zero or more");
            WalkValue(value, childPath, childSensitive, report);
        }
    }

    private static void WalkValue(object? value, string path, bool sensitive, ValidationReport report)
    {
        switch (value)
        {
            case null or string or JsonNode:
                return;
            case IDictionary map:
                foreach (DictionaryEntry entry in map) WalkValue(entry.Value, FieldPath.Child(path, (string)entry.Key), sensitive, report);
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items) WalkValue(item, FieldPath.Index(path, index++), sensitive, report);
                return;
        }
        if (ModelProperties.IsObjectType(value.GetType())) WalkObject(value, path, sensitive, report);
    }

    private static (string Message, string? Hint) Describe(ValidationAttribute attribute, string name, object? value, bool sensitive)
    {
        var shown = sensitive ? "the value" : $"{Format(value)}";
        return attribute switch
        {
            RequiredAttribute => ($"missing required field '{name}'", null),
            RangeAttribute range => ($"{shown} is out of range", RangeHint(range)),
            MinLengthAttribute min when value is string => ($"'{name}' needs at least {min.Length} characters", null),
            MinLengthAttribute min => ($"'{name}' needs at least {min.Length} {(min.Length == 1 ? "entry" : "entries")}", null),
            MaxLengthAttribute max => ($"'{name}' allows at most {max.Length}", null),
            RegularExpressionAttribute regex when regex.ErrorMessage is { } why => ($"{shown} {why}", null),
            RegularExpressionAttribute regex => ($"{shown} does not match the pattern {regex.Pattern}", null),
            _ => (attribute.FormatErrorMessage(name), null),
        };
    }

    private static string RangeHint(RangeAttribute range) =>
        Equals(range.Maximum, int.MaxValue) || Equals(range.Maximum, long.MaxValue)
            ? $"the value must be at least {range.Minimum}"
            : $"the allowed range is {range.Minimum}..{range.Maximum}";

    private static string Format(object? value) => value switch
    {
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => $"{value}",
    };
}
