using System.Text.Json.Nodes;
using Reconciler.Resources.Diagnostics;

namespace Reconciler.Host.Api.Errors;

/// <summary>The 400 for manifests that failed to read: every error with file:line:column, field path, resource and hint.</summary>
public static class InvalidManifest
{
    /// <summary>An <see cref="ApiException"/> with code <c>Invalid</c> listing <paramref name="errors"/> in its details.</summary>
    public static ApiException Of(IReadOnlyList<SourceError> errors, string consequence)
    {
        var files = errors.Select(e => e.Source).Distinct().Count();
        var message = $"{errors.Count} {(errors.Count == 1 ? "error" : "errors")} in {files} {(files == 1 ? "manifest" : "manifests")}; {consequence}. First: {errors[0]}";
        var list = new JsonArray();
        foreach (var e in errors)
            list.Add(new JsonObject
            {
                ["source"] = e.Source,
                ["line"] = e.Line,
                ["column"] = e.Column,
                ["path"] = e.Path,
                ["message"] = e.Message,
                ["hint"] = e.Hint,
                ["resource"] = e.Resource,
                ["text"] = e.ToString(),
            });
        return new ApiException(StatusCodes.Status400BadRequest, ApiErrorCodes.Invalid, message, new JsonObject { ["errors"] = list });
    }
}
