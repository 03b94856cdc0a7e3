using System.Buffers.Text;
using System.Text.Json;

namespace Reconciler.Store.Writes;

/// <summary>
/// Reads the facts the store needs straight out of an object's stored JSON, without deserializing it:
/// where its spec and its <c>metadata.generation</c> are (so a write serializes an object once and digests
/// the spec's slice of that one serialization) and its stamp (so the index is rebuilt on open from bytes).
/// </summary>
internal static class StoredObjectJson
{
    /// <summary>Where the spec's JSON and the generation number are in <paramref name="json"/> (empty ranges when absent).</summary>
    public static (Range Spec, Range Generation) Locate(ReadOnlySpan<byte> json)
    {
        Range spec = default, generation = default;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A stored object must be a JSON object.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("spec"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                spec = start..(int)reader.BytesConsumed;
            }
            else if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isGeneration = reader.ValueTextEquals("generation"u8);
                    reader.Read();
                    if (isGeneration && reader.TokenType == JsonTokenType.Number)
                        generation = (int)reader.TokenStartIndex..((int)reader.TokenStartIndex + reader.ValueSpan.Length);
                    else reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return (spec, generation);
    }

    /// <summary>A copy of <paramref name="json"/> with the number at <paramref name="at"/> replaced by <paramref name="value"/>.</summary>
    public static byte[] ReplaceNumber(byte[] json, Range at, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var length);
        var (offset, oldLength) = at.GetOffsetAndLength(json.Length);
        var result = new byte[json.Length - oldLength + length];
        json.AsSpan(0, offset).CopyTo(result);
        digits[..length].CopyTo(result.AsSpan(offset));
        json.AsSpan(offset + oldLength).CopyTo(result.AsSpan(offset + length));
        return result;
    }

    /// <summary>The stamp of a stored object, read from its JSON (on open, to rebuild the index).</summary>
    public static ObjectStamp ReadStamp(ReadOnlySpan<byte> json)
    {
        string? uid = null;
        DateTimeOffset createdAt = default;
        long generation = 0, resourceVersion = 0;
        Range spec = default;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("uid"u8)) { reader.Read(); uid = reader.GetString(); }
                    else if (reader.ValueTextEquals("createdAt"u8)) { reader.Read(); createdAt = reader.GetDateTimeOffset(); }
                    else if (reader.ValueTextEquals("generation"u8)) { reader.Read(); generation = reader.GetInt64(); }
                    else if (reader.ValueTextEquals("resourceVersion"u8)) { reader.Read(); resourceVersion = reader.GetInt64(); }
                    else { reader.Read(); reader.Skip(); }
                }
            }
            else if (reader.ValueTextEquals("spec"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                spec = start..(int)reader.BytesConsumed;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new ObjectStamp(uid ?? "", createdAt, generation, resourceVersion, SpecDigest.Of(json[spec]));
    }
}
