using Reconciler.Host.Api.Contracts;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Resources;

/// <summary>
/// The kinds the API serves and their routes, taken from the runtime's kind registry when the API is mapped:
/// built-in and custom kinds alike get <c>/v1/{plural}</c>.
/// </summary>
public sealed class KindRoutes(ResourceKindRegistry registry)
{
    private readonly Lazy<IReadOnlyList<KindDescription>> _all = new(() =>
    [
        .. registry.Kinds
            .OrderBy(k => k.System)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => new KindDescription(k.Name, KindDescription.PluralOf(k.Name), !k.ClusterScoped, k.System)),
    ]);

    /// <summary>Every kind, user kinds first, then system kinds, each alphabetically.</summary>
    public IReadOnlyList<KindDescription> All => _all.Value;

    /// <summary>The kind a name (kind, plural; any case) stands for, or null.</summary>
    public KindDescription? Find(string name) => All.FirstOrDefault(k => k.Matches(name));

    /// <summary>The description of <paramref name="kind"/>.</summary>
    public KindDescription Of(string kind) => All.First(k => k.Kind == kind);

    /// <summary>A sentence listing the resource routes, for 404 hints.</summary>
    public string RouteList() => string.Join(", ", All.Select(k => $"/v1/{k.Plural}"));
}
