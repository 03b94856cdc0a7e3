namespace Reconciler.Host.Api.Contracts;

/// <summary>One manifest file sent to <c>/v1/apply</c> or <c>/v1/delete</c>: its name (used in error positions) and its YAML.</summary>
/// <param name="Name">The path the user gave, e.g. <c>manifests/redis.yaml</c>; errors cite it as <c>name:line:column</c>.</param>
/// <param name="Content">The file's YAML, one or more documents.</param>
public sealed record ManifestFile(string Name, string Content);
