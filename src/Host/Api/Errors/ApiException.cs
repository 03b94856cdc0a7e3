using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Api.Errors;

/// <summary>
/// A request the API refuses, with the status code and the error body to answer with. Thrown by endpoints and
/// turned into <c>{"error":{...}}</c> by <see cref="ApiErrorMiddleware"/>. The message is for people and never carries a secret value.
/// </summary>
public sealed class ApiException(int statusCode, string code, string message, JsonObject? details = null) : Exception(message)
{
    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The error as the response body carries it.</summary>
    public ApiErrorInfo Error { get; } = new(code, message, details);

    /// <summary>400: the request is malformed or its content invalid.</summary>
    public static ApiException BadRequest(string message, JsonObject? details = null) => new(StatusCodes.Status400BadRequest, ApiErrorCodes.BadRequest, message, details);

    /// <summary>404: the object, kind or route does not exist.</summary>
    public static ApiException NotFound(string message, JsonObject? details = null) => new(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, message, details);

    /// <summary>409: the request conflicts with the current state.</summary>
    public static ApiException Conflict(string message, JsonObject? details = null) => new(StatusCodes.Status409Conflict, ApiErrorCodes.Conflict, message, details);
}
