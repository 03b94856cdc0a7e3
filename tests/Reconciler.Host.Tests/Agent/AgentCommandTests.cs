using System.Net;
using System.Net.Sockets;
using Reconciler.Host.Cli;

namespace Reconciler.Host.Tests.Agent;

public sealed class AgentCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static Task<CliRun> RunAsync(params string[] args) => CliRun.InProcessAsync(CliEnvironment.Of(new Dictionary<string, string>()), args);

    [Fact]
    public async Task A_bad_config_prints_one_error_per_problem_and_exits_1()
    {
        var file = _dir.Write("agent.toml", "data_dir = 5\nbogus = 1\n[server]\nenabled = true\n");

        var run = await RunAsync("agent", "-config", file);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain($"{file}:1:1: data_dir:").And.Contain($"{file}:2:1: bogus: unknown key")
            .And.Contain("Error: agent.toml: 2 problems in the agent config").And.NotContain("   at ");
    }

    [Fact]
    public async Task Without_dev_or_config_the_agent_says_which_to_pass()
    {
        var run = await RunAsync("agent");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("pass -dev").And.Contain("-config FILE.toml");
    }

    [Fact]
    public async Task A_port_in_use_is_a_one_line_error_naming_the_flag_to_change()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await RunAsync("agent", "-dev", "-http-port", port);

        run.ExitCode.Should().Be(1);
        run.Error.Should().StartWith($"Error: cannot listen on 127.0.0.1:{port}").And.Contain("-http-port");
        run.Error.TrimEnd().Should().NotContain("\n");
    }

    [Fact]
    public async Task An_agent_from_a_config_file_keeps_its_store_in_data_dir()
    {
        var dataDir = Path.Combine(_dir.Path, "data");
        var file = _dir.Write("agent.toml", $"data_dir = \"{dataDir}\"\nlog_level = \"ERROR\"\n[server]\nenabled = true\n");
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var session = new CliSession(new SignallingWriter(output, "API: ", stop), new StringWriter(), CliEnvironment.Of(new Dictionary<string, string>()));

        var code = await ReconCommandLine.RunAsync(["agent", "-config", file, "-http-port", "0"], session, stop.Token);

        output.ToString().Should().Contain("API: http://127.0.0.1:");
        Directory.Exists(Path.Combine(dataDir, "server")).Should().BeTrue();
        code.Should().Be(0);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Cancels <paramref name="stop"/> once the text written contains <paramref name="marker"/>: the agent has started.</summary>
    private sealed class SignallingWriter(StringWriter inner, string marker, CancellationTokenSource stop) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(value);

        public override void Write(string? value)
        {
            inner.Write(value);
            if (inner.ToString().Contains(marker, StringComparison.Ordinal)) stop.Cancel();
        }

        public override Task WriteLineAsync(string? value)
        {
            Write(value + "\n");
            return Task.CompletedTask;
        }
    }
}
