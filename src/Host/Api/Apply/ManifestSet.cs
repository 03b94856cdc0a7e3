using System.Text.Json;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Resources;
using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Apply;

/// <summary>
/// The manifests of one <c>/v1/apply</c> or <c>/v1/delete</c> request, read with the runtime's strict reader: either
/// a JSON <see cref="ApplyRequest"/> or a raw YAML body (one file named <c>request</c>, options in the query).
/// The GitOps sync reads its directory through it too (<see cref="ReadAll"/>).
/// </summary>
public sealed class ManifestSet(ManifestReader reader)
{
    /// <summary>Reads the request's options and files.</summary>
    public static async Task<ApplyRequest> ReadRequestAsync(HttpContext http)
    {
        var body = await RequestBody.ReadTextAsync(http);
        if (http.Request.HasJsonContentType())
            return JsonSerializer.Deserialize<ApplyRequest>(body, ApiJson.Options) ?? new ApplyRequest();
        var query = http.Request.Query;
        return new ApplyRequest
        {
            Files = [new ManifestFile("request", body)],
            DryRun = IsTrue(query["dryRun"]),
            Prune = IsTrue(query["prune"]),
            Selector = query["selector"].ToString() is { Length: > 0 } s ? s : null,
            Diff = IsTrue(query["diff"]),
        };
    }

    /// <summary>Every object of every file, or a 400 listing every error (then nothing may be written).</summary>
    public IReadOnlyList<Resource> Read(IReadOnlyList<ManifestFile> files)
    {
        if (files.Count == 0) throw ApiException.BadRequest("No manifests were sent; pass at least one file with documents.");
        var read = ReadAll(files);
        if (!read.IsValid) throw InvalidManifest.Of(read.Errors, "nothing was written");
        if (read.Resources.Count == 0) throw ApiException.BadRequest("The manifests hold no documents; nothing was written.");
        return read.Resources;
    }

    /// <summary>
    /// Every object of every file and every error (an object given twice included), without throwing: the GitOps
    /// sync keeps the errors as its status. Callers write nothing unless the result is valid.
    /// </summary>
    /// <param name="files">The manifests.</param>
    /// <param name="prepare">Applied to each object read, with its file, before objects given twice are looked for.</param>
    public ManifestReadResult ReadAll(IReadOnlyList<ManifestFile> files, Func<ManifestFile, Resource, Resource>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var results = files.Select(f => reader.Read(f.Content, f.Name))
            .Select((read, i) => prepare is null ? read : read with { Resources = [.. read.Resources.Select(r => prepare(files[i], r))] })
            .ToList();
        var read = ManifestReadResult.Combine(results);
        return read with { Errors = [.. read.Errors.Concat(Duplicates(files, results))] };
    }

    private static IEnumerable<SourceError> Duplicates(IReadOnlyList<ManifestFile> files, List<ManifestReadResult> results)
    {
        var seen = new Dictionary<ResourceKey, string>();
        for (var i = 0; i < files.Count; i++)
            foreach (var resource in results[i].Resources)
                if (!seen.TryAdd(resource.Key, files[i].Name))
                    yield return new SourceError(files[i].Name, 0, 0, "metadata.name", $"{resource.Key} is given twice (also in {seen[resource.Key]})")
                    {
                        Resource = resource.Key.ToString(),
                        Hint = "keep one document per object",
                    };
    }

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count > 0 && (value[0] is "" or "true" or "1");
}
