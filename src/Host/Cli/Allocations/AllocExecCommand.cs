using System.CommandLine;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Allocations;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Allocations;

/// <summary>
/// <c>recon alloc exec [-i] [-t] [-task T] ALLOC|JOB CMD...</c>: runs a command inside a running task over the agent's
/// exec WebSocket, printing its stdout and stderr and ending with its exit code. <c>-i</c> feeds this terminal's stdin.
/// </summary>
public static class AllocExecCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var id = new Argument<string>("ALLOC") { Description = "An allocation id, a prefix of one, or a job name." };
        var command = new Argument<string[]>("CMD") { Description = "The program and its arguments.", Arity = ArgumentArity.OneOrMore };
        var interactive = new Option<bool>("-i", "--interactive") { Description = "Pass this terminal's stdin to the command." };
        var tty = new Option<bool>("-t", "--tty") { Description = "Ask for a terminal." };
        var task = NomadFlag.Create<string?>("task", "The task; may be left out when the group has one.");
        var exec = new Command("exec", "Run a command inside a running task, e.g. `recon alloc exec redis cat /etc/resolv.conf`.") { interactive, tty, task, id, command };
        var remote = RemoteOptions.AddTo(exec);
        exec.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            // Resolving first turns an unknown or ambiguous id into the agent's one-line error, which a WebSocket refusal cannot carry.
            var allocation = Typed.As<Allocation>(await client.GetAsync<JsonObject>(client.Namespaced($"/v1/allocation/{Uri.EscapeDataString(parse.GetRequiredValue(id))}"), ct));
            var path = client.Namespaced($"/v1/client/allocation/{Uri.EscapeDataString(allocation.Metadata.Name)}/exec",
                ("task", parse.GetValue(task)), ("command", JsonSerializer.Serialize(parse.GetRequiredValue(command))), ("tty", parse.GetValue(tty) ? "true" : null));
            ClientWebSocket socket;
            try
            {
                socket = await client.OpenWebSocketAsync(path, ct);
            }
            catch (WebSocketException e)
            {
                throw new CommandException($"the agent refused exec into {allocation.Spec.Name}: {e.Message} — check the task name with `recon alloc status {Typed.Short(allocation.Metadata.Name)}`.");
            }
            using var owned = socket;
            using var frames = new ExecFrames(socket);
            var stdin = parse.GetValue(interactive) ? PumpStdinAsync(frames, ct) : frames.SendStdinClosedAsync(ct);
            var exitCode = await ReceiveAsync(frames, session, ct);
            if (socket.State == WebSocketState.CloseReceived) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
            return exitCode;
        });
        return exec;
    }

    private static async Task<int> ReceiveAsync(ExecFrames frames, CliSession session, CancellationToken ct)
    {
        var stdout = Encoding.UTF8.GetDecoder();
        var stderr = Encoding.UTF8.GetDecoder();
        while (await frames.ReceiveAsync(ct) is { } frame)
        {
            if (ExecFrames.Data(frame, "stdout") is { } output) await WriteAsync(session.Out, stdout, output);
            if (ExecFrames.Data(frame, "stderr") is { } error) await WriteAsync(session.Error, stderr, error);
            if (frame["exited"] is null) continue;
            if (frame["result"]?["error"] is JsonValue failure) throw new CommandException($"exec failed: {failure.GetValue<string>()}");
            return frame["result"]?["exitCode"]?.GetValue<int>() ?? ReconCommandLine.ErrorExitCode;
        }
        throw new CommandException("the agent closed the exec connection before the command exited.");
    }

    private static async Task WriteAsync(TextWriter writer, Decoder decoder, byte[] bytes)
    {
        var chars = new char[decoder.GetCharCount(bytes, flush: false)];
        decoder.GetChars(bytes, chars, flush: false);
        await writer.WriteAsync(chars);
        await writer.FlushAsync();
    }

    private static async Task PumpStdinAsync(ExecFrames frames, CancellationToken ct)
    {
        await using var stdin = Console.OpenStandardInput();
        var buffer = new byte[4096];
        for (int read; (read = await stdin.ReadAsync(buffer, ct)) > 0;) await frames.SendDataAsync("stdin", buffer.AsMemory(0, read), ct);
        await frames.SendStdinClosedAsync(ct);
    }
}
