using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Jobs;

/// <summary>Logs and restarts through an agent whose client runs the task on this machine (exec driver, /bin/sh).</summary>
public sealed class ClientAllocationTests : AgentTest
{
    protected override bool RunsClient => true;

    private const string Talker = """
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: talker
        spec:
          groups:
            - name: say
              tasks:
                - name: loop
                  driver: exec
                  config:
                    command: /bin/sh
                    args: ["-c", "echo out-ready; echo err-ready >&2; exec tail -f /dev/null"]
                  resources:
                    cpu: 50
                    memoryMB: 32
        """;

    private async Task RunningAsync()
    {
        await SimulatedNodes.AwaitReadyNodeAsync(Agent.Http);
        var run = await Agent.CliAsync("job", "run", Agent.Files.Write("talker.yaml", Talker));
        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("are running");
    }

    [Fact]
    public async Task Logs_print_stdout_or_stderr_of_the_task_of_a_job_named_for_its_allocation()
    {
        await RunningAsync();

        var stdout = await ReadUntilAsync("out-ready", "alloc", "logs", "-f", "talker");
        var stderr = await ReadUntilAsync("err-ready", "alloc", "logs", "-f", "-stderr", "talker", "loop");

        stdout.Should().Contain("out-ready").And.NotContain("err-ready");
        stderr.Should().Contain("err-ready").And.NotContain("out-ready");
    }

    [Fact]
    public async Task Logs_of_an_unknown_task_name_the_tasks_there_are()
    {
        await RunningAsync();

        var logs = await Agent.CliAsync("alloc", "logs", "talker", "nope");

        logs.ExitCode.Should().Be(1);
        logs.Error.Should().Contain("has no task 'nope'; its tasks: loop");
    }

    [Fact]
    public async Task Restart_restarts_the_tasks_through_the_client()
    {
        await RunningAsync();

        var restart = await Agent.CliAsync("alloc", "restart", "talker");

        restart.ExitCode.Should().Be(0, restart.Error);
        restart.Output.Should().Contain("(talker.say[0]) restarted");
    }

    [Fact]
    public async Task Exec_runs_a_command_in_the_task_with_its_output_and_exit_code()
    {
        await RunningAsync();

        var cat = await Agent.CliAsync("alloc", "exec", "talker", "cat", "/etc/hostname");
        var failing = await Agent.CliAsync("alloc", "exec", "-task", "loop", "talker", "--", "sh", "-c", "echo to-stderr >&2; exit 3");

        cat.ExitCode.Should().Be(0, cat.Error);
        cat.Output.Trim().Should().Be(File.ReadAllText("/etc/hostname").Trim());
        failing.ExitCode.Should().Be(3);
        failing.Error.Should().Contain("to-stderr");
    }

    // A followed log ends only when cancelled: cancel once the expected line arrived (the signal), not after a time.
    private async Task<string> ReadUntilAsync(string expected, params string[] args)
    {
        var output = new SignallingWriter(expected);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        _ = output.Seen.ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
        await Reconciler.Host.Cli.ReconCommandLine.RunAsync(args, new Reconciler.Host.Cli.CliSession(output, new StringWriter(),
            Reconciler.Host.Cli.CliEnvironment.Of(Agent.Environment)), stop.Token);
        return output.ToString();
    }

    private sealed class SignallingWriter(string expected) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            var written = base.WriteAsync(buffer, cancellationToken);
            if (ToString().Contains(expected, StringComparison.Ordinal)) _seen.TrySetResult();
            return written;
        }
    }
}
