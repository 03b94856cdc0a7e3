using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli;

public sealed class RemoteCommandTests : IAsyncLifetime
{
    private RunningAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await RunningAgent.StartAsync();

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    [Fact]
    public async Task Apply_of_the_example_directory_creates_every_object_and_get_lists_them()
    {
        var apply = await _agent.CliAsync("apply", "-f", RepositoryRoot.Combine("manifests", "examples"));
        var get = await _agent.CliAsync("get", "jobs");

        apply.ExitCode.Should().Be(0, apply.Error);
        apply.Output.Should().Contain("namespace/team-a created").And.Contain("job/redis created").And.Contain("secret/app-db created");
        get.Output.Split('\n')[0].Should().MatchRegex("^NAME +GENERATION +INDEX +AGE$");
        get.Output.Should().Contain("redis").And.Contain("web").And.Contain("hello");
    }

    [Fact]
    public async Task Get_takes_kind_names_in_any_case_singular_or_plural_and_prints_json_or_yaml()
    {
        await _agent.CliAsync("apply", "-f", _agent.Files.Write("web.yaml", Manifests.Job("web")));

        var yaml = await _agent.CliAsync("get", "Job", "web", "-o", "yaml");
        var json = await _agent.CliAsync("get", "JOBS", "-o", "json");

        yaml.Output.Should().StartWith("apiVersion: recon/v1\nkind: Job\n");
        json.Output.TrimStart().Should().StartWith("[");
        json.Output.Should().Contain("\"name\": \"web\"");
    }

    [Fact]
    public async Task Diff_exits_0_when_the_manifests_match_and_1_with_a_unified_diff_when_they_differ()
    {
        var file = _agent.Files.Write("web.yaml", Manifests.Job("web"));
        await _agent.CliAsync("apply", "-f", file);

        var same = await _agent.CliAsync("diff", "-f", file);
        File.WriteAllText(file, Manifests.Job("web", count: 4));
        var differs = await _agent.CliAsync("diff", "-f", file);

        same.ExitCode.Should().Be(0);
        same.Output.Should().BeEmpty();
        differs.ExitCode.Should().Be(1);
        differs.Output.Should().Contain("--- live/Job/default/web").And.Contain("+++ manifest/Job/default/web")
            .And.Contain("-    count: 1").And.Contain("+    count: 4");
    }

    [Fact]
    public async Task Diff_of_a_changed_secret_says_so_without_showing_either_value()
    {
        var file = _agent.Files.Write("secret.yaml", Manifests.Secret("db"));
        await _agent.CliAsync("apply", "-f", file);
        File.WriteAllText(file, Manifests.Secret("db", "rotated-value"));

        var diff = await _agent.CliAsync("diff", "-f", file);

        diff.ExitCode.Should().Be(1);
        diff.Output.Should().Contain("Secret/default/db").And.Contain("secret values").And.NotContain(Manifests.SecretValue).And.NotContain("rotated-value");
    }

    [Fact]
    public async Task Diff_errors_exit_2_so_they_are_not_taken_for_differences()
    {
        var diff = await _agent.CliAsync("diff", "-f", _agent.Files.Write("bad.yaml", "kind: Nope\n"));

        diff.ExitCode.Should().Be(2);
        diff.Error.Should().Contain("bad.yaml:1:7").And.Contain("unknown kind 'Nope'");
    }

    [Fact]
    public async Task A_dry_run_apply_changes_nothing()
    {
        var run = await _agent.CliAsync("apply", "-f", _agent.Files.Write("web.yaml", Manifests.Job("web")), "--dry-run");
        var get = await _agent.CliAsync("get", "jobs");

        run.Output.Should().Contain("job/web created (dry run)");
        get.Error.Should().Contain("No jobs found");
    }

    [Fact]
    public async Task Apply_with_prune_deletes_what_left_the_directory()
    {
        var dir = Path.Combine(_agent.Files.Path, "shop");
        _agent.Files.Write("shop/web.yaml", Manifests.Job("web", labels: "{ app: shop }"));
        var db = _agent.Files.Write("shop/db.yaml", Manifests.Job("db", labels: "{ app: shop }"));
        await _agent.CliAsync("apply", "-f", dir, "--prune", "-l", "app=shop");
        File.Delete(db);

        var run = await _agent.CliAsync("apply", "-f", dir, "--prune", "-l", "app=shop");

        run.Output.Should().Contain("job/db pruned").And.Contain("job/web unchanged");
        (await _agent.CliAsync("get", "job", "db")).Error.Should().Contain("Job/default/db not found");
    }

    [Fact]
    public async Task Delete_by_manifest_removes_the_objects()
    {
        var file = _agent.Files.Write("app.yaml", Manifests.Documents(Manifests.Namespace("team-a"), Manifests.Job("web", "team-a")));
        await _agent.CliAsync("apply", "-f", file);

        var run = await _agent.CliAsync("delete", "-f", file);

        run.Output.Should().Be("job/web -n team-a deleted\nnamespace/team-a deleted\n");
    }

    [Fact]
    public async Task An_invalid_manifest_prints_each_error_with_its_position_and_changes_nothing()
    {
        var good = _agent.Files.Write("m/a.yaml", Manifests.Job("good"));
        var bad = _agent.Files.Write("m/b.yaml", Manifests.Job("bad", count: -1));

        var run = await _agent.CliAsync("apply", "-f", good, "-f", bad);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain($"{bad}:11:").And.Contain("spec.groups[0].count").And.Contain("nothing was written").And.NotContain("   at ");
        (await _agent.CliAsync("get", "jobs")).Error.Should().Contain("No jobs found");
    }

    [Fact]
    public async Task Namespace_commands_create_list_show_and_refuse_to_delete_a_namespace_with_jobs()
    {
        var apply = await _agent.CliAsync("namespace", "apply", "team-a", "-description", "Team A");
        await _agent.CliAsync("apply", "-f", _agent.Files.Write("web.yaml", Manifests.Job("web", "team-a")));
        var list = await _agent.CliAsync("namespace", "list");
        var status = await _agent.CliAsync("namespace", "status", "team-a");
        var refused = await _agent.CliAsync("namespace", "delete", "team-a");
        var jobs = await _agent.CliAsync("get", "jobs", "-n", "team-a");

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
        await _agent.CliAsync("apply", "-f", _agent.Files.Write("web.yaml", Manifests.Job("web")));
        var snap = Path.Combine(_agent.Files.Path, "disco.snap");

        var save = await _agent.CliAsync("operator", "snapshot", "save", snap);
        var inspect = await _agent.CliAsync("operator", "snapshot", "inspect", snap);
        await _agent.CliAsync("apply", "-f", _agent.Files.Write("db.yaml", Manifests.Job("db")));
        var restore = await _agent.CliAsync("operator", "snapshot", "restore", snap);
        var jobs = await _agent.CliAsync("get", "jobs");

        save.Output.Should().Contain($"State file written to {snap}");
        inspect.Output.Should().MatchRegex("Job +1");
        restore.ExitCode.Should().Be(0, restore.Error);
        jobs.Output.Should().Contain("web").And.NotContain("db");
    }

    [Fact]
    public async Task An_unknown_kind_names_what_the_agent_serves()
    {
        var run = await _agent.CliAsync("get", "widgets");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be("Error: Unknown kind 'widgets'; the agent serves: jobs, namespaces, secrets, volumes, allocations, deployments, evaluations, nodes.\n");
    }

    [Fact]
    public async Task An_unknown_object_is_a_one_line_error()
    {
        var run = await _agent.CliAsync("get", "job", "nope");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be("Error: Job/default/nope not found; list them with GET /v1/jobs?namespace=default.\n");
    }
}
