using Docker.DotNet;
using Docker.DotNet.Models;

namespace Reconciler.Drivers.Docker;

/// <summary><c>docker exec</c>: runs a command in a running container, streaming its input and output, in a terminal when asked.</summary>
internal static class ContainerExec
{
    private static readonly TimeSpan ExitCodeDeadline = TimeSpan.FromSeconds(10);

    public static async Task<ExecResult> RunAsync(DockerClient client, RunningContainer container, ExecRequest request, Uri endpoint, CancellationToken cancellationToken)
    {
        if (request.Command.Count == 0) return ExecResult.Failure("exec needs a command");
        if (container.Exited.IsCompleted) return ExecResult.Failure($"task {container.Configuration.Id} is not running");
        try
        {
            var exec = await client.Exec.ExecCreateContainerAsync(container.ContainerId, new ContainerExecCreateParameters
            {
                Cmd = request.Command.ToList(),
                AttachStdin = request.Stdin is not null,
                AttachStdout = true,
                AttachStderr = true,
                User = container.Configuration.User,
                // A terminal merges stderr into stdout, as docker exec -t does; the engine then sends one raw stream.
                Tty = request.Tty,
            }, cancellationToken);
            using (var stream = await client.Exec.StartAndAttachContainerExecAsync(exec.ID, request.Tty, cancellationToken))
            {
                var output = stream.CopyOutputToAsync(Stream.Null, request.Stdout, request.Stderr, cancellationToken);
                if (request.Stdin is not null)
                {
                    await stream.CopyFromAsync(request.Stdin, cancellationToken);
                    stream.CloseWrite();
                }
                await output;
            }
            return await ExitCodeAsync(client, exec.ID, cancellationToken);
        }
        catch (Exception exception) when (exception is DockerApiException || DockerErrors.IsUnreachable(exception))
        {
            return ExecResult.Failure(DockerErrors.Describe(exception, endpoint));
        }
    }

    // The output ends a moment before the engine records the exit code: poll for it briefly.
    private static async Task<ExecResult> ExitCodeAsync(DockerClient client, string execId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ExitCodeDeadline;
        while (true)
        {
            var inspect = await client.Exec.InspectContainerExecAsync(execId, cancellationToken);
            if (!inspect.Running) return ExecResult.Exited((int)inspect.ExitCode);
            if (DateTime.UtcNow > deadline) return ExecResult.Failure($"exec {execId[..12]} ended its output but the engine still reports it running");
            await Task.Delay(20, cancellationToken);
        }
    }
}
