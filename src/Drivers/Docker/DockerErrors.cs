using System.Net;
using System.Net.Sockets;
using Docker.DotNet;

namespace Reconciler.Drivers.Docker;

/// <summary>Tells an unreachable engine from the engine's own refusals, in words people can act on.</summary>
internal static class DockerErrors
{
    /// <summary>Whether the exception means the engine could not be reached at all.</summary>
    public static bool IsUnreachable(Exception exception) => exception is HttpRequestException or SocketException or IOException or TimeoutException
        || (exception is OperationCanceledException && exception.InnerException is TimeoutException)
        || exception.InnerException is { } inner && IsUnreachable(inner);

    /// <summary>A sentence for people about a failed engine call.</summary>
    public static string Describe(Exception exception, Uri endpoint) => exception switch
    {
        DockerApiException api => $"the Docker engine refused: {api.ResponseBody?.Trim()} (HTTP {(int)api.StatusCode})",
        _ when IsUnreachable(exception) => $"the Docker engine at {endpoint} does not answer ({exception.GetBaseException().Message}); start dockerd or check the socket's permissions",
        _ => $"the Docker engine call failed: {exception.Message}",
    };

    /// <summary>Whether the engine answered "conflict" (e.g. a container of that name exists, or is not running).</summary>
    public static bool IsConflict(Exception exception) => exception is DockerApiException { StatusCode: HttpStatusCode.Conflict };

    /// <summary>Whether the engine answered "not modified" or "not running" to a stop or kill: the container already stopped.</summary>
    public static bool IsAlreadyStopped(Exception exception) =>
        exception is DockerApiException { StatusCode: HttpStatusCode.NotModified or HttpStatusCode.Conflict } or DockerContainerNotFoundException;
}
