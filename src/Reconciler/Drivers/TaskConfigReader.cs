using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Reconciler.Resources.Json;

namespace Reconciler.Drivers;

/// <summary>
/// Reads a task's free-form <c>config</c> into a driver's own settings record, strictly: an unknown
/// field or a wrong type is an error naming the field, not something silently ignored.
/// </summary>
public static class TaskConfigReader
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Reads <paramref name="config"/> as <typeparamref name="T"/>, or says what is wrong with it.</summary>
    public static bool TryRead<T>(JsonObject config, string driver, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error)
        where T : class
    {
        try
        {
            value = config.Deserialize<T>(Options);
            error = value is null ? $"the {driver} driver's config is empty" : null;
            return value is not null;
        }
        catch (JsonException exception)
        {
            value = null;
            error = Describe<T>(exception, driver);
            return false;
        }
    }

    private static string Describe<T>(JsonException exception, string driver)
    {
        var field = exception.Path is { Length: > 2 } path ? "config." + path[2..] : "config";
        var known = string.Join(", ", typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name)));
        var message = exception.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
            return $"{field}: the {driver} driver has no such setting (it knows: {known})";
        if (message.Contains("missing required properties", StringComparison.Ordinal))
            return $"config: the {driver} driver is missing a required setting: {message[(message.IndexOf("properties", StringComparison.Ordinal) + 11)..].Trim()}";
        var firstSentence = message.Split(". Path:")[0];
        return $"{field}: {firstSentence} (the {driver} driver knows: {known})";
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new DurationJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
