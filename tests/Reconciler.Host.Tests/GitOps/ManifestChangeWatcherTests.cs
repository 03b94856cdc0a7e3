using Reconciler.Host.GitOps;

namespace Reconciler.Host.Tests.GitOps;

public sealed class ManifestChangeWatcherTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_manifest_saved_in_a_subdirectory_calls_back()
    {
        Directory.CreateDirectory(Path.Combine(_directory.Path, "team-a"));
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new ManifestChangeWatcher(_directory.Path, () => changed.TrySetResult());

        _directory.Write("team-a/web.yml", "kind: Job");

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_temporary_file_renamed_over_a_manifest_calls_back()
    {
        _directory.Write("web.yaml", "kind: Job");
        var temporary = _directory.Write(".web.yaml.tmp", "kind: Job\n");
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new ManifestChangeWatcher(_directory.Path, () => changed.TrySetResult());

        File.Move(temporary, Path.Combine(_directory.Path, "web.yaml"), overwrite: true);

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_missing_directory_gives_no_watcher()
    {
        ManifestChangeWatcher.TryStart(Path.Combine(_directory.Path, "not-there"), () => { }).Should().BeNull();
    }

    public void Dispose() => _directory.Dispose();
}
