using System.Text.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;
using Reconciler.Store;

namespace Reconciler.Host.Tests.Cli;

public sealed class SnapshotInspectCommandTests : IDisposable
{
    private const string SecretValue = "hunter2-do-not-print";
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Inspect_prints_revision_size_and_a_count_per_kind()
    {
        var (file, revision) = await SaveSnapshotAsync();

        var run = await CliRun.InProcessAsync("operator", "snapshot", "inspect", file);

        run.Error.Should().BeEmpty();
        run.ExitCode.Should().Be(0);
        run.Output.Should().MatchRegex($@"Revision\s+{revision}\b")
            .And.MatchRegex(@"Job\s+2\b")
            .And.MatchRegex(@"Secret\s+1\b")
            .And.MatchRegex(@"Namespace\s+1\b")
            .And.MatchRegex(@"Size\s+\d");
    }

    [Fact]
    public async Task Inspect_never_prints_object_contents()
    {
        var (file, _) = await SaveSnapshotAsync();

        var table = await CliRun.InProcessAsync("operator", "snapshot", "inspect", file);
        var json = await CliRun.InProcessAsync("operator", "snapshot", "inspect", file, "-o", "json");

        (table.Output + json.Output).Should().NotContain(SecretValue).And.NotContain("password");
    }

    [Fact]
    public async Task Inspect_as_json_is_machine_readable()
    {
        var (file, revision) = await SaveSnapshotAsync();

        var run = await CliRun.InProcessAsync("operator", "snapshot", "inspect", "-o", "json", file);

        run.ExitCode.Should().Be(0);
        using var doc = JsonDocument.Parse(run.Output);
        doc.RootElement.GetProperty("revision").GetInt64().Should().Be(revision);
        doc.RootElement.GetProperty("countsByKind").GetProperty("Job").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task A_corrupt_snapshot_is_refused_with_a_clear_error()
    {
        var (file, _) = await SaveSnapshotAsync();
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);

        var run = await CliRun.InProcessAsync("operator", "snapshot", "inspect", file);

        run.ExitCode.Should().Be(1);
        run.Error.Should().StartWith("Error: ").And.Contain(Path.GetFileName(file));
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1, "a person reads one line, not a stack trace");
    }

    [Fact]
    public async Task A_missing_snapshot_file_says_which_path()
    {
        var missing = Path.Combine(_dir.Path, "missing.snap");

        var run = await CliRun.InProcessAsync("operator", "snapshot", "inspect", missing);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain(missing).And.Contain("does not exist");
    }

    private async Task<(string File, long Revision)> SaveSnapshotAsync()
    {
        var manifests = new ManifestReader(Resources.Model.ResourceKindRegistry.Default).Read($$"""
            apiVersion: recon/v1
            kind: Namespace
            metadata: { name: prod }
            ---
            apiVersion: recon/v1
            kind: Secret
            metadata: { name: db }
            spec:
              data: { password: {{SecretValue}} }
            ---
            apiVersion: recon/v1
            kind: Job
            metadata: { name: one }
            spec:
              groups: [{ name: g, tasks: [{ name: t, driver: mock }] }]
            ---
            apiVersion: recon/v1
            kind: Job
            metadata: { name: two }
            spec:
              groups: [{ name: g, tasks: [{ name: t, driver: mock }] }]
            """, "snapshot-fixture.yaml");
        manifests.Errors.Should().BeEmpty();

        await using var store = new InMemoryResourceStore();
        foreach (var resource in manifests.Resources) await store.PutAsync(resource);
        var file = Path.Combine(_dir.Path, "disco.snap");
        await using (var stream = File.Create(file)) await store.SaveSnapshotAsync(stream);
        return (file, store.Revision);
    }

    public void Dispose() => _dir.Dispose();
}
