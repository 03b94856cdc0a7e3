using Reconciler.Host.Cli;
using Reconciler.Host.Cli.Contexts;
using Reconciler.Host.Cli.Remote;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli;

public sealed class ContextCommandTests : IDisposable
{
    private const string Token = "tok-0123456789-abcdef";
    private readonly TempDirectory _home = new();

    private Dictionary<string, string> Environment => new() { ["HOME"] = _home.Path };

    private Task<CliRun> RunAsync(params string[] args) => CliRun.InProcessAsync(CliEnvironment.Of(Environment), args);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Contexts_are_kept_in_home_dot_recon_config_with_mode_0600()
    {
        var run = await RunAsync("context", "set", "prod", "--address", "http://10.0.0.1:4747", "--token", Token, "-n", "team-a");

        run.ExitCode.Should().Be(0, run.Error);
        var path = Path.Combine(_home.Path, ".recon", "config");
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        ContextFile.Load(Path.GetDirectoryName(path)!).Current.Should().Be(new ReconContext("http://10.0.0.1:4747", Token, "team-a"));
    }

    [Fact]
    public async Task Context_list_masks_tokens_and_marks_the_current_context()
    {
        await RunAsync("context", "set", "dev", "--address", "http://127.0.0.1:4747");
        await RunAsync("context", "set", "prod", "--address", "http://10.0.0.1:4747", "--token", Token);
        await RunAsync("context", "use", "prod");

        var table = await RunAsync("context", "list");
        var json = await RunAsync("context", "list", "-o", "json");
        var current = await RunAsync("context", "current");

        table.Output.Should().MatchRegex(@"\* +prod +http://10\.0\.0\.1:4747 +\*\*\*\*cdef");
        (table.Output + json.Output).Should().NotContain(Token);
        current.Output.Should().Be("prod\n");
    }

    [Fact]
    public async Task Using_an_unknown_context_is_an_error_saying_how_to_create_it()
    {
        var run = await RunAsync("context", "use", "nope");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("recon context set nope");
    }

    [Fact]
    public async Task A_flag_beats_the_environment_which_beats_the_context_which_beats_the_default()
    {
        await RunAsync("context", "set", "ctx", "--address", "http://ctx:1", "--token", "ctx-token", "-n", "ctx-ns");
        var env = CliEnvironment.Of(new Dictionary<string, string>(Environment)
        {
            ["RECON_ADDR"] = "http://env:2",
            ["RECON_NAMESPACE"] = "env-ns",
        });

        var fromFlags = ConnectionSettings.Resolve("http://flag:3", "flag-token", "flag-ns", env);
        var fromEnvironment = ConnectionSettings.Resolve(null, null, null, env);
        var fromContext = ConnectionSettings.Resolve(null, null, null, CliEnvironment.Of(Environment));
        var defaults = ConnectionSettings.Resolve(null, null, null, CliEnvironment.Of(new Dictionary<string, string> { ["HOME"] = Path.Combine(_home.Path, "empty") }));

        fromFlags.Should().Be(new ConnectionSettings(new Uri("http://flag:3"), "flag-token", "flag-ns"));
        fromEnvironment.Should().Be(new ConnectionSettings(new Uri("http://env:2"), "ctx-token", "env-ns"));
        fromContext.Should().Be(new ConnectionSettings(new Uri("http://ctx:1"), "ctx-token", "ctx-ns"));
        defaults.Should().Be(new ConnectionSettings(new Uri("http://127.0.0.1:4747"), null, "default"));
    }

    [Fact]
    public async Task The_current_context_points_the_cli_at_its_agent_and_namespace()
    {
        await using var agent = await RunningAgent.StartAsync();
        await agent.CliAsync("namespace", "apply", "team-a");
        await agent.CliAsync("apply", "-f", agent.Files.Write("web.yaml", Manifests.Job("web", "team-a")));
        await RunAsync("context", "set", "local", "--address", agent.Address.ToString(), "-n", "team-a");

        var run = await RunAsync("get", "jobs");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("web");
    }

    [Fact]
    public async Task An_unreachable_agent_is_a_one_line_error_saying_what_to_do()
    {
        var run = await CliRun.InProcessAsync(CliEnvironment.Of(new Dictionary<string, string>(Environment) { ["RECON_ADDR"] = "http://127.0.0.1:1" }), "get", "jobs");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be("Error: cannot reach the agent at http://127.0.0.1:1: connection refused — start one with `recon agent -dev` or set RECON_ADDR\n");
    }

    public void Dispose() => _home.Dispose();
}
