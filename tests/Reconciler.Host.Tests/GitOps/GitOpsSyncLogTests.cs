using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Host.Api.Apply;
using Reconciler.Host.GitOps;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.Tests.GitOps;

/// <summary>One sync at a time, driven by the test, against a real agent's store (the sync itself is not running there).</summary>
public sealed class GitOpsSyncLogTests : IAsyncLifetime
{
    private readonly TempDirectory _files = new();
    private readonly RecordingLogger _log = new();
    private RunningAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await RunningAgent.StartAsync(scheduler: false);

    [Fact]
    public async Task Only_syncs_that_change_something_and_new_errors_are_logged_and_no_secret_value_is()
    {
        var sync = Sync(new GitOpsConfig { Enabled = true, Path = _files.Path });
        _files.Write("web.yaml", Manifests.Job("web"));
        _files.Write("secret.yaml", Manifests.Secret("db"));

        await sync.SyncOnceAsync(CancellationToken.None);
        await sync.SyncOnceAsync(CancellationToken.None);
        _files.Write("bad.yaml", Manifests.Job("bad").Replace("driver:", "drivr:"));
        await sync.SyncOnceAsync(CancellationToken.None);
        await sync.SyncOnceAsync(CancellationToken.None);
        _files.Write("bad.yaml", Manifests.Job("bad").Replace("count:", "cuont:"));
        await sync.SyncOnceAsync(CancellationToken.None);
        File.Delete(Path.Combine(_files.Path, "bad.yaml"));
        await sync.SyncOnceAsync(CancellationToken.None);

        _log.Lines.Select(l => l.Level).Should().Equal(LogLevel.Information, LogLevel.Warning, LogLevel.Warning, LogLevel.Information);
        _log.Lines[0].Text.Should().Contain("2 applied, 0 pruned");
        _log.Lines[1].Text.Should().Contain("bad.yaml:14:").And.Contain("drivr");
        _log.Lines[2].Text.Should().Contain("cuont");
        _log.Lines[3].Text.Should().Contain("applies again");
        _log.Lines.Should().OnlyContain(l => !l.Text.Contains(Manifests.SecretValue));
    }

    [Fact]
    public async Task Objects_naming_no_namespace_go_to_the_configured_one_and_those_naming_one_stay_there()
    {
        (await _agent.ApplyYamlAsync(Manifests.Namespace("team-a"))).EnsureSuccessStatusCode();
        var sync = Sync(new GitOpsConfig { Enabled = true, Path = _files.Path, Namespace = "team-a" });
        _files.Write("jobs.yaml", Manifests.Documents(
            Manifests.Job("named", "default"),
            Manifests.Job("unnamed").Replace("  namespace: default\n", "")));

        var result = await sync.SyncOnceAsync(CancellationToken.None);

        result.Failed.Should().BeNull();
        result.Applied!.Changes.Select(c => c.Key).Should().BeEquivalentTo(["Job/default/named", "Job/team-a/unnamed"]);
    }

    [Fact]
    public async Task A_missing_directory_is_an_error_that_names_the_setting()
    {
        var sync = Sync(new GitOpsConfig { Enabled = true, Path = Path.Combine(_files.Path, "not-checked-out") });

        var result = await sync.SyncOnceAsync(CancellationToken.None);

        result.Failed!.Message.Should().Contain("not-checked-out").And.Contain("[gitops] path");
        _log.Lines.Should().ContainSingle().Which.Level.Should().Be(LogLevel.Warning);
    }

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        _files.Dispose();
    }

    private GitOpsSync Sync(GitOpsConfig config)
    {
        var time = new FakeTimeProvider();
        var directory = new DirectorySync(config, _agent.Services.GetRequiredService<ManifestSet>(), _agent.Services.GetRequiredService<ManifestApplier>(), time);
        return new GitOpsSync(config, directory, new GitOpsState(config), time, _log);
    }

    private sealed class RecordingLogger : ILogger<GitOpsSync>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
