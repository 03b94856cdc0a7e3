namespace Reconciler.Resources.Model;

/// <summary>
/// Marks a property whose value must never be shown to people: the manifest writer redacts it for
/// display, and parse and validation errors never quote it. The store still persists it.
/// On a map, every value is sensitive; on an object, everything below it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SensitiveAttribute : Attribute;
