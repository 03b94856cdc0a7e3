using System.Net;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.GitOps;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.LeaderElection;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.Tests.GitOps;

/// <summary>A real agent keeping the cluster in step with a directory of manifests (<c>[gitops]</c>, synced every second).</summary>
public sealed class GitOpsSyncTests
{
    [Fact]
    public async Task The_directory_is_applied_on_start_and_each_object_is_marked_with_its_file()
    {
        await using var gitops = await GitOpsDirectory.StartAsync(files: [("web.yaml", Manifests.Job("web")), ("db/secret.yaml", Manifests.Secret("db"))]);

        var status = await gitops.WaitForStatusAsync(s => s.LastSync is not null, "the first sync");

        var job = await gitops.JobAsync("web");
        job!["metadata"]!["labels"]![GitOpsMarks.ManagedByLabel]!.GetValue<string>().Should().Be("gitops");
        job["metadata"]!["annotations"]![GitOpsMarks.SourceAnnotation]!.GetValue<string>().Should().Be("web.yaml");
        status.Leading.Should().BeTrue();
        status.LastSync!.Objects.Should().Be(2);
        status.LastSync.Revision.Source.Should().Be(GitOpsRevision.Content);
        status.LastChange!.Changes.Select(c => (c.Key, c.Action)).Should().BeEquivalentTo([("Job/default/web", "created"), ("Secret/default/db", "created")]);
        (await gitops.Agent.Http.GetStringAsync("/v1/gitops")).Should().NotContain(Manifests.SecretValue);
    }

    [Fact]
    public async Task Editing_a_job_file_rolls_a_new_version_of_the_job()
    {
        await using var gitops = await GitOpsDirectory.StartAsync(files: ("web.yaml", Manifests.Job("web")));
        await gitops.WaitForJobAsync("web", j => j is not null, "the job from the directory");
        var versions = await gitops.VersionsAsync("web");

        gitops.Write("web.yaml", Manifests.Job("web", count: 2));

        await gitops.WaitForJobAsync("web", j => GitOpsDirectory.CountOf(j) == 2, "the edited count");
        (await gitops.VersionsAsync("web")).Should().BeGreaterThan(versions);
        (await gitops.StatusAsync()).LastChange!.Changes.Should().ContainSingle().Which.Should().Be(new ObjectChange("Job/default/web", "configured"));
    }

    [Fact]
    public async Task A_job_changed_through_the_api_is_set_back_to_the_directory_version()
    {
        await using var gitops = await GitOpsDirectory.StartAsync(files: ("web.yaml", Manifests.Job("web")));
        await gitops.WaitForJobAsync("web", j => j is not null, "the job from the directory");

        (await gitops.Agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web", count: 3))).EnsureSuccessStatusCode();
        GitOpsDirectory.CountOf(await gitops.JobAsync("web")).Should().Be(3, "the API wrote the drift");

        await gitops.WaitForJobAsync("web", j => GitOpsDirectory.CountOf(j) == 1, "the drift to be corrected on the next interval");
    }

    [Fact]
    public async Task Removing_a_file_with_prune_deletes_the_job_it_made_and_leaves_a_job_applied_by_hand()
    {
        await using var gitops = await GitOpsDirectory.StartAsync(prune: true, files: [("web.yaml", Manifests.Job("web")), ("db.yaml", Manifests.Job("db"))]);
        await gitops.WaitForJobAsync("db", j => j is not null, "the jobs from the directory");
        (await gitops.Agent.ApplyYamlAsync(Manifests.Job("by-hand"))).EnsureSuccessStatusCode();

        gitops.Remove("web.yaml");

        await gitops.WaitForJobAsync("web", j => j is null, "the removed file's job to be pruned");
        (await gitops.JobAsync("db")).Should().NotBeNull();
        (await gitops.JobAsync("by-hand")).Should().NotBeNull("the sync never prunes what it did not apply");
        (await gitops.StatusAsync()).LastChange!.Pruned.Should().Be(1);
    }

    [Fact]
    public async Task An_emptied_directory_prunes_nothing_unless_allow_empty_says_it_is_meant()
    {
        await using var gitops = await GitOpsDirectory.StartAsync(prune: true, files: [("web.yaml", Manifests.Job("web"))]);
        await gitops.WaitForJobAsync("web", j => j is not null, "the job from the directory");

        gitops.Remove("web.yaml");

        var refused = await gitops.WaitForStatusAsync(s => s.LastError is not null, "the emptied directory's sync to be refused");
        refused.LastError!.Message.Should().Contain("holds no manifests").And.Contain("allow_empty = true");
        (await gitops.JobAsync("web")).Should().NotBeNull("nothing of a refused sync is applied");

        var directory = new TempDirectory();
        directory.Write("web.yaml", Manifests.Job("web"));
        await using var meant = await GitOpsDirectory.StartAsync(new GitOpsConfig { Enabled = true, Path = directory.Path, Interval = TimeSpan.FromSeconds(1), Prune = true, AllowEmpty = true }, directory);
        await meant.WaitForJobAsync("web", j => j is not null, "the job from the directory");
        meant.Remove("web.yaml");
        await meant.WaitForJobAsync("web", j => j is null, "the emptied directory to prune the job with allow_empty");
    }

    [Fact]
    public async Task Without_prune_removing_a_file_leaves_its_job()
    {
        await using var gitops = await GitOpsDirectory.StartAsync(prune: false, files: [("web.yaml", Manifests.Job("web")), ("db.yaml", Manifests.Job("db"))]);
        await gitops.WaitForStatusAsync(s => s.LastSync?.Objects == 2, "the first sync");

        gitops.Remove("web.yaml");

        var status = await gitops.WaitForStatusAsync(s => s.LastSync?.Objects == 1, "a sync of the directory without web.yaml");
        (await gitops.JobAsync("web")).Should().NotBeNull();
        status.LastSync!.Pruned.Should().Be(0);
    }

    [Fact]
    public async Task An_invalid_file_applies_nothing_of_its_revision_and_the_status_shows_where_until_it_is_fixed()
    {
        await using var gitops = await GitOpsDirectory.StartAsync(files: [("web.yaml", Manifests.Job("web")), ("secret.yaml", Manifests.Secret("db"))]);
        await gitops.WaitForJobAsync("web", j => j is not null, "the job from the directory");

        // One revision: web edited and a broken job in the same file; the edit must not apply either.
        gitops.Write("web.yaml", Manifests.Documents(Manifests.Job("web", count: 2), Manifests.Job("bad").Replace("driver:", "drivr:")));

        var failed = await gitops.WaitForStatusAsync(s => s.LastError is not null, "the sync to fail");
        failed.LastError!.Details.Should().ContainSingle().Which.Should().StartWith("web.yaml:31:").And.Contain("drivr");
        failed.LastError.Message.Should().Contain("nothing of this revision was applied");
        GitOpsDirectory.CountOf(await gitops.JobAsync("web")).Should().Be(1);
        (await gitops.JobAsync("bad")).Should().BeNull();
        var cli = await gitops.Agent.CliAsync("gitops", "status");
        cli.ExitCode.Should().Be(0, cli.Error);
        cli.Output.Should().Contain("web.yaml:31:").And.Contain("drivr").And.NotContain(Manifests.SecretValue);
        (await gitops.Agent.Http.GetStringAsync("/v1/gitops")).Should().NotContain(Manifests.SecretValue);

        gitops.Write("web.yaml", Manifests.Job("web", count: 2));

        await gitops.WaitForJobAsync("web", j => GitOpsDirectory.CountOf(j) == 2, "the fixed revision to apply");
        (await gitops.WaitForStatusAsync(s => s.LastError is null, "the error to clear")).LastSync!.Objects.Should().Be(2);
    }

    [Fact]
    public async Task The_status_records_the_commit_a_git_checkout_is_at()
    {
        const string commit = "3f786850e387550fdab836ed7e6dc881de23001b";
        await using var gitops = await GitOpsDirectory.StartAsync(files: [
            ("web.yaml", Manifests.Job("web")), (".git/HEAD", "ref: refs/heads/main\n"), (".git/refs/heads/main", commit + "\n")]);

        var status = await gitops.WaitForStatusAsync(s => s.LastSync is not null, "the first sync");

        status.LastSync!.Revision.Should().Be(new GitOpsRevision(commit, GitOpsRevision.Git, "refs/heads/main"));
        status.LastSync.Objects.Should().Be(1, ".git holds no manifests");
        var cli = await gitops.Agent.CliAsync("gitops", "status", "-o", "json");
        cli.Output.Should().Contain(commit);
    }

    [Fact]
    public async Task The_example_gitops_config_applies_every_example_manifest()
    {
        var example = AgentConfigReader.ReadFile(RepositoryRoot.Combine("manifests", "agent", "gitops.toml")).Config!.GitOps;
        var examples = RepositoryRoot.Combine(example.Path!);
        await using var gitops = await GitOpsDirectory.StartAsync(example with { Path = examples });

        var status = await gitops.WaitForStatusAsync(s => s.LastSync is not null || s.LastError is not null, "the first sync");

        status.LastError.Should().BeNull();
        status.LastSync!.Objects.Should().Be(Directory.GetFiles(examples, "*.yaml").Length, "each example file holds one object");
        status.LastSync.Applied.Should().Be(status.LastSync.Objects);
        if (Path.Exists(RepositoryRoot.Combine(".git")))
            status.LastSync.Revision.Source.Should().Be(GitOpsRevision.Git, "the examples are in this repository's checkout");
    }

    [Fact]
    public async Task A_server_that_does_not_lead_does_not_sync_until_it_leads()
    {
        var election = new GatedElection();
        await using var gitops = await GitOpsDirectory.StartAsync(election: election, files: ("web.yaml", Manifests.Job("web")));

        // Two intervals go by: a leader would have synced by then.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var waiting = await gitops.StatusAsync();
        waiting.Leading.Should().BeFalse();
        waiting.LastSync.Should().BeNull();
        (await gitops.JobAsync("web")).Should().BeNull();

        election.Lead();

        await gitops.WaitForJobAsync("web", j => j is not null, "the new leader's sync");
        (await gitops.StatusAsync()).Leading.Should().BeTrue();
    }

    [Fact]
    public async Task An_agent_without_gitops_says_it_is_not_enabled()
    {
        await using var agent = await RunningAgent.StartAsync(scheduler: false);

        var cli = await agent.CliAsync("gitops", "status");

        cli.ExitCode.Should().NotBe(0);
        cli.Error.Should().Contain("GitOps sync is not enabled on this agent");
        (await agent.Http.GetAsync("/v1/gitops")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private sealed class GatedElection : ILeaderElection
    {
        private readonly TaskCompletionSource _leads = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Lead() => _leads.TrySetResult();

        public async Task<CancellationToken> AcquireAsync(CancellationToken cancellationToken)
        {
            await _leads.Task.WaitAsync(cancellationToken);
            return CancellationToken.None;
        }
    }
}
