using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli;

public sealed class RemoteCommandTests : AgentTest
{
    // These tests are about the generic resource API; the scheduler's controllers would add finalizers and evaluations to their jobs.
    protected override bool RunsScheduler => false;

    [Fact]
    public async Task Apply_of_the_example_directory_creates_every_object_and_get_lists_them()
    {
        var apply = await Agent.CliAsync("apply", "-f", RepositoryRoot.Combine("manifests", "examples"));
        var get = await Agent.CliAsync("get", "jobs");

        apply.ExitCode.Should().Be(0, apply.Error);
        apply.Output.Should().Contain("namespace/team-a created").And.Contain("job/redis created").And.Contain("secret/app-db created");
        get.Output.Split('\n')[0].Should().MatchRegex("^NAME +GENERATION +INDEX +AGE$");
        get.Output.Should().Contain("redis").And.Contain("web").And.Contain("hello").And.Contain("node-heartbeat");
    }

    [Fact]
    public async Task Get_takes_kind_names_in_any_case_singular_or_plural_and_prints_json_or_yaml()
    {
        await Agent.CliAsync("apply", "-f", Agent.Files.Write("web.yaml", Manifests.Job("web")));

        var yaml = await Agent.CliAsync("get", "Job", "web", "-o", "yaml");
        var json = await Agent.CliAsync("get", "JOBS", "-o", "json");

        yaml.Output.Should().StartWith("apiVersion: recon/v1\nkind: Job\n");
        json.Output.TrimStart().Should().StartWith("[");
        json.Output.Should().Contain("\"name\": \"web\"");
    }

    [Fact]
    public async Task Diff_exits_0_when_the_manifests_match_and_1_with_a_unified_diff_when_they_differ()
    {
        var file = Agent.Files.Write("web.yaml", Manifests.Job("web"));
        await Agent.CliAsync("apply", "-f", file);

        var same = await Agent.CliAsync("diff", "-f", file);
        File.WriteAllText(file, Manifests.Job("web", count: 4));
        var differs = await Agent.CliAsync("diff", "-f", file);

        same.ExitCode.Should().Be(0);
        same.Output.Should().BeEmpty();
        differs.ExitCode.Should().Be(1);
        differs.Output.Should().Contain("--- live/Job/default/web").And.Contain("+++ manifest/Job/default/web")
            .And.Contain("-    count: 1").And.Contain("+    count: 4");
    }

    [Fact]
    public async Task Diff_of_a_changed_secret_says_so_without_showing_either_value()
    {
        var file = Agent.Files.Write("secret.yaml", Manifests.Secret("db"));
        await Agent.CliAsync("apply", "-f", file);
        File.WriteAllText(file, Manifests.Secret("db", "rotated-value"));

        var diff = await Agent.CliAsync("diff", "-f", file);

        diff.ExitCode.Should().Be(1);
        diff.Output.Should().Contain("Secret/default/db").And.Contain("secret values").And.NotContain(Manifests.SecretValue).And.NotContain("rotated-value");
    }

    [Fact]
    public async Task Diff_errors_exit_2_so_they_are_not_taken_for_differences()
    {
        var diff = await Agent.CliAsync("diff", "-f", Agent.Files.Write("bad.yaml", "kind: Nope\n"));

        diff.ExitCode.Should().Be(2);
        diff.Error.Should().Contain("bad.yaml:1:7").And.Contain("unknown kind 'Nope'");
    }

    [Fact]
    public async Task A_dry_run_apply_changes_nothing()
    {
        var run = await Agent.CliAsync("apply", "-f", Agent.Files.Write("web.yaml", Manifests.Job("web")), "--dry-run");
        var get = await Agent.CliAsync("get", "jobs");

        run.Output.Should().Contain("job/web created (dry run)");
        get.Error.Should().Contain("No jobs found");
    }

    [Fact]
    public async Task Apply_with_prune_deletes_what_left_the_directory()
    {
        var dir = Path.Combine(Agent.Files.Path, "shop");
        Agent.Files.Write("shop/web.yaml", Manifests.Job("web", labels: "{ app: shop }"));
        var db = Agent.Files.Write("shop/db.yaml", Manifests.Job("db", labels: "{ app: shop }"));
        await Agent.CliAsync("apply", "-f", dir, "--prune", "-l", "app=shop");
        File.Delete(db);

        var run = await Agent.CliAsync("apply", "-f", dir, "--prune", "-l", "app=shop");

        run.Output.Should().Contain("job/db pruned").And.Contain("job/web unchanged");
        (await Agent.CliAsync("get", "job", "db")).Error.Should().Contain("Job/default/db not found");
    }

    [Fact]
    public async Task Delete_by_manifest_removes_the_objects()
    {
        var file = Agent.Files.Write("app.yaml", Manifests.Documents(Manifests.Namespace("team-a"), Manifests.Job("web", "team-a")));
        await Agent.CliAsync("apply", "-f", file);

        var run = await Agent.CliAsync("delete", "-f", file);

        run.Output.Should().Be("job/web -n team-a deleted\nnamespace/team-a deleted\n");
    }

    [Fact]
    public async Task An_invalid_manifest_prints_each_error_with_its_position_and_changes_nothing()
    {
        var good = Agent.Files.Write("m/a.yaml", Manifests.Job("good"));
        var bad = Agent.Files.Write("m/b.yaml", Manifests.Job("bad", count: -1));

        var run = await Agent.CliAsync("apply", "-f", good, "-f", bad);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain($"{bad}:11:").And.Contain("spec.groups[0].count").And.Contain("nothing was written").And.NotContain("   at ");
        (await Agent.CliAsync("get", "jobs")).Error.Should().Contain("No jobs found");
    }

    [Fact]
    public async Task Namespace_commands_create_list_show_and_refuse_to_delete_a_namespace_with_jobs()
    {
        var apply = await Agent.CliAsync("namespace", "apply", "team-a", "-description", "Team A");
        await Agent.CliAsync("apply", "-f", Agent.Files.Write("web.yaml", Manifests.Job("web", "team-a")));
        var list = await Agent.CliAsync("namespace", "list");
        var status = await Agent.CliAsync("namespace", "status", "team-a");
        var refused = await Agent.CliAsync("namespace", "delete", "team-a");
        var jobs = await Agent.CliAsync("get", "jobs", "-n", "team-a");

        apply.Output.Should().Contain("Successfully applied namespace \"team-a\"");
        list.Output.Should().MatchRegex("team-a +Team A");
        status.Output.Should().MatchRegex("Description += Team A");
        refused.ExitCode.Should().Be(1);
        refused.Error.Should().Contain("Namespace 'team-a' still holds 1 object (Job/team-a/web)");
        jobs.Output.Should().Contain("web");
    }

    [Fact]
    public async Task Snapshot_save_inspect_and_restore_work_against_a_running_agent()
    {
        await Agent.CliAsync("apply", "-f", Agent.Files.Write("web.yaml", Manifests.Job("web")));
        var snap = Path.Combine(Agent.Files.Path, "disco.snap");

        var save = await Agent.CliAsync("operator", "snapshot", "save", snap);
        var inspect = await Agent.CliAsync("operator", "snapshot", "inspect", snap);
        await Agent.CliAsync("apply", "-f", Agent.Files.Write("db.yaml", Manifests.Job("db")));
        var restore = await Agent.CliAsync("operator", "snapshot", "restore", snap);
        var jobs = await Agent.CliAsync("get", "jobs");

        save.Output.Should().Contain($"State file written to {snap}");
        inspect.Output.Should().MatchRegex("Job +1");
        restore.ExitCode.Should().Be(0, restore.Error);
        jobs.Output.Should().Contain("web").And.NotContain("db");
    }

    [Fact]
    public async Task An_unknown_kind_names_what_the_agent_serves()
    {
        var run = await Agent.CliAsync("get", "widgets");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be("Error: Unknown kind 'widgets'; the agent serves: jobs, namespaces, secrets, volumes, aclpolicies, acltokens, allocations, deployments, evaluations, nodes.\n");
    }

    [Fact]
    public async Task An_unknown_object_is_a_one_line_error()
    {
        var run = await Agent.CliAsync("get", "job", "nope");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be("Error: Job/default/nope not found; list them with GET /v1/jobs?namespace=default.\n");
    }
}
