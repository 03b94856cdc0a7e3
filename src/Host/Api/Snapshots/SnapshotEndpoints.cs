using Microsoft.AspNetCore.Http.Features;
using Reconciler.Host.Api.Resources;
using Reconciler.Store;

namespace Reconciler.Host.Api.Snapshots;

/// <summary>
/// <c>/v1/operator/snapshot</c>, as Nomad's: GET saves the whole state and streams it; PUT restores one, verified in
/// full before anything changes (a corrupt one is a 400 and the state stays as it was).
/// </summary>
public static class SnapshotEndpoints
{
    /// <summary>Maps GET and PUT.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/operator/snapshot");
        group.MapGet("/", SaveAsync);
        group.MapPut("/", RestoreAsync);
    }

    private static async Task SaveAsync(HttpContext http, IResourceStore store)
    {
        // Saved to a file first: the revision goes in a header, which must be sent before the body.
        await using var buffer = TemporaryFile();
        var info = await store.SaveSnapshotAsync(buffer, http.RequestAborted);
        buffer.Position = 0;
        ResourceHandlers.SetIndex(http, info.Revision);
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static async Task<IResult> RestoreAsync(HttpContext http, IResourceStore store, ApiOptions options)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxSnapshotBytes;
        await using var buffer = TemporaryFile();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        buffer.Position = 0;
        var info = await store.RestoreSnapshotAsync(buffer, http.RequestAborted);
        ResourceHandlers.SetIndex(http, store.Revision);
        return Results.Json(info, Contracts.ApiJson.Options);
    }

    private static FileStream TemporaryFile() =>
        new(Path.Combine(Path.GetTempPath(), $"recon-snapshot-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
