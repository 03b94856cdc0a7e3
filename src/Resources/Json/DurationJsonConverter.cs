using System.Text.Json;
using System.Text.Json.Serialization;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Json;

/// <summary>Writes <see cref="TimeSpan"/> as a Go-style duration string (<c>30s</c>) and reads it back.</summary>
public sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return TimeSpan.FromSeconds(reader.GetDouble());
        var text = reader.GetString();
        return Duration.TryParse(text, out var value) ? value : throw new JsonException(
            $"'{text}' is not a duration; write a number with a unit, e.g. 500ms, 30s, 10m, 1h30m.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Duration.Format(value));
}
