namespace Reconciler.Host.Api.Contracts;

/// <summary>One field of a job that a plan changes, as Nomad's plan diff shows it.</summary>
/// <param name="Path">The field's path, e.g. <c>spec.groups[cache].count</c>.</param>
/// <param name="Type"><c>Added</c>, <c>Deleted</c> or <c>Edited</c>.</param>
/// <param name="Old">The registered value (null when added).</param>
/// <param name="New">The proposed value (null when deleted).</param>
/// <param name="Update">
/// What the change does to running allocations, in a plan: <c>forces create/destroy update</c> or <c>in-place update</c>;
/// null where it does not apply (a job's history).
/// </param>
public sealed record FieldChange(string Path, string Type, string? Old, string? New, string? Update = null);
