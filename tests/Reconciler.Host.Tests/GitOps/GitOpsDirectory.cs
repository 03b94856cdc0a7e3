using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Hosting;
using Reconciler.LeaderElection;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.Tests.GitOps;

/// <summary>
/// A real agent whose <c>[gitops]</c> syncs a temporary directory every second, and the test's view of it: files
/// written as Git and editors do (a hidden temporary file renamed over the manifest, so no sync reads half a file),
/// the sync's status and the jobs it made.
/// </summary>
internal sealed class GitOpsDirectory : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private GitOpsDirectory(RunningAgent agent, TempDirectory files) => (Agent, Files) = (agent, files);

    public RunningAgent Agent { get; }

    public TempDirectory Files { get; }

    public string Path => Files.Path;

    /// <summary>Starts an agent syncing a directory that already holds <paramref name="files"/>; <paramref name="election"/> replaces the single server's.</summary>
    public static Task<GitOpsDirectory> StartAsync(bool prune = true, ILeaderElection? election = null, params (string Name, string Content)[] files)
    {
        var directory = new TempDirectory();
        foreach (var (name, content) in files) directory.Write(name, content);
        return StartAsync(new GitOpsConfig { Enabled = true, Path = directory.Path, Interval = TimeSpan.FromSeconds(1), Prune = prune }, directory, election);
    }

    /// <summary>Starts an agent with <paramref name="gitops"/> as its <c>[gitops]</c>.</summary>
    public static async Task<GitOpsDirectory> StartAsync(GitOpsConfig gitops, TempDirectory? directory = null, ILeaderElection? election = null)
    {
        Action<ReconcilerBuilder>? extend = election is null ? null : r => r.Services.Replace(ServiceDescriptor.Singleton(election));
        var agent = await RunningAgent.StartAsync(extend, configure: c => c with { GitOps = gitops });
        return new GitOpsDirectory(agent, directory ?? new TempDirectory());
    }

    public void Write(string name, string content)
    {
        var temporary = System.IO.Path.Combine(Path, $".{name}.tmp");
        File.WriteAllText(temporary, content);
        File.Move(temporary, System.IO.Path.Combine(Path, name), overwrite: true);
    }

    public void Remove(string name) => File.Delete(System.IO.Path.Combine(Path, name));

    public async Task<GitOpsStatus> StatusAsync() => (await Agent.Http.GetFromJsonAsync<GitOpsStatus>("/v1/gitops", ApiJson.Options))!;

    public Task<GitOpsStatus> WaitForStatusAsync(Func<GitOpsStatus, bool> condition, string because) => WaitAsync(StatusAsync, condition, because);

    /// <summary>The job as stored, or null when there is none.</summary>
    public async Task<JsonObject?> JobAsync(string name)
    {
        var response = await Agent.Http.GetAsync($"/v1/jobs/{name}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public Task<JsonObject?> WaitForJobAsync(string name, Func<JsonObject?, bool> condition, string because) => WaitAsync(() => JobAsync(name), condition, because);

    public static int CountOf(JsonObject? job) => job!["spec"]!["groups"]![0]!["count"]!.GetValue<int>();

    public async Task<int> VersionsAsync(string name) =>
        (await Agent.Http.GetFromJsonAsync<JsonObject>($"/v1/job/{name}/versions"))!["items"]!.AsArray().Count;

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        Files.Dispose();
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string because)
    {
        using var deadline = new CancellationTokenSource(Patience);
        var last = await read();
        while (!condition(last))
        {
            if (deadline.IsCancellationRequested) throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {because}; last seen: {System.Text.Json.JsonSerializer.Serialize(last, ApiJson.Options)}");
            await Task.Delay(50, CancellationToken.None);
            last = await read();
        }
        return last;
    }
}
