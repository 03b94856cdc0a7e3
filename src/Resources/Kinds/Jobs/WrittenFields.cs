using Reconciler.Resources.Reflection;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// Merges a block a user wrote over a fallback, field by field, the way Nomad merges update,
/// restart and reschedule blocks: a field left null takes the fallback's value. Done by reflection
/// so a field added to one of these records later is merged without anyone remembering to.
/// </summary>
internal static class WrittenFields
{
    public static T Over<T>(T? written, T fallback) where T : class, new()
    {
        if (written is null) return fallback;
        var merged = new T();
        foreach (var property in ModelProperties.Of(typeof(T)))
        {
            var value = property.Property.GetValue(written) ?? property.Property.GetValue(fallback);
            property.Property.SetValue(merged, value);
        }
        return merged;
    }
}
