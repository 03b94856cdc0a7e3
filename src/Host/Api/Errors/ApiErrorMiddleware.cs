using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Reconciler.Host.Api.Contracts;
using Reconciler.Store;

namespace Reconciler.Host.Api.Errors;

/// <summary>
/// Turns what endpoints throw into the API's error body: <see cref="ApiException"/> as it says, a stale index as
/// 409 with the current index, an oversized body as 413, a compacted index as 410, a corrupt snapshot as 400, and
/// anything else as 500 without its message (which the log keeps).
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    /// <summary>Runs the rest of the pipeline and answers its failures.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception error) when (!http.Response.HasStarted)
        {
            var (status, info) = Describe(error);
            if (status == StatusCodes.Status500InternalServerError)
                logger.LogError(error, "Request {Method} {Path} failed.", http.Request.Method, http.Request.Path.Value);
            await WriteAsync(http, status, info);
        }
    }

    /// <summary>Writes an error body with <paramref name="status"/>.</summary>
    public static Task WriteAsync(HttpContext http, int status, ApiErrorInfo error)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new ApiErrorBody(error), ApiJson.Options), http.RequestAborted);
    }

    private static (int Status, ApiErrorInfo Error) Describe(Exception error) => error switch
    {
        ApiException api => (api.StatusCode, api.Error),
        ConflictException conflict => (StatusCodes.Status409Conflict, new ApiErrorInfo(ApiErrorCodes.Conflict,
            $"{conflict.Message} (current index {conflict.ActualRevision.ToString(CultureInfo.InvariantCulture)})",
            new JsonObject { ["key"] = conflict.Key.ToString(), ["expectedIndex"] = conflict.ExpectedRevision, ["currentIndex"] = conflict.ActualRevision })),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge,
            new ApiErrorInfo(ApiErrorCodes.PayloadTooLarge, "The request body is over the agent's size limit; split the manifests into several applies.")),
        BadHttpRequestException bad => (bad.StatusCode, new ApiErrorInfo(ApiErrorCodes.BadRequest, bad.Message)),
        CompactedException compacted => (StatusCodes.Status410Gone, new ApiErrorInfo(ApiErrorCodes.Gone, compacted.Message,
            new JsonObject { ["oldestIndex"] = compacted.OldestAvailable })),
        SnapshotFormatException corrupt => (StatusCodes.Status400BadRequest, new ApiErrorInfo(ApiErrorCodes.BadRequest,
            $"The snapshot was not restored and nothing changed: {corrupt.Message}")),
        JsonException json => (StatusCodes.Status400BadRequest, new ApiErrorInfo(ApiErrorCodes.BadRequest, $"The request body is not valid JSON: {json.Message}")),
        _ => (StatusCodes.Status500InternalServerError, new ApiErrorInfo(ApiErrorCodes.Internal, "The agent failed to answer; its log has the details.")),
    };
}
