using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Jobs;

public sealed class JobCommandTests : AgentTest
{
    private async Task<string> RegisteredAsync(string name = "web", int count = 1)
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");
        var file = Agent.Files.Write($"{name}.yaml", Manifests.Job(name, count: count));
        var run = await Agent.CliAsync("job", "run", "-detach", file);
        run.ExitCode.Should().Be(0, run.Error);
        await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, name, a => a.Count == count);
        return file;
    }

    [Fact]
    public async Task Plan_of_a_new_job_exits_1_with_the_groups_to_create_the_modify_index_and_the_command_to_run_next()
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");
        var file = Agent.Files.Write("web.yaml", Manifests.Job("web", count: 2));

        var plan = await Agent.CliAsync("job", "plan", file);

        plan.ExitCode.Should().Be(1, plan.Error);
        plan.Output.Should().Contain("+ Job: \"web\"").And.Contain("+ Task Group: \"app\" (2 create)")
            .And.Contain("- All tasks successfully allocated.").And.Contain("Job Modify Index: 0")
            .And.Contain($"recon job run -check-index 0 {file}");
    }

    [Fact]
    public async Task Plan_of_the_registered_job_exits_0_and_a_changed_count_shows_the_field_and_the_creates()
    {
        var file = await RegisteredAsync();
        var same = await Agent.CliAsync("job", "plan", file);
        File.WriteAllText(file, Manifests.Job("web", count: 3));

        var changed = await Agent.CliAsync("job", "plan", file);

        same.ExitCode.Should().Be(0, same.Output + same.Error);
        same.Output.Should().Contain("Task Group: \"app\" (1 ignore)");
        changed.ExitCode.Should().Be(1);
        changed.Output.Should().Contain("+/- Job: \"web\"").And.Contain("~ spec.groups[app].count: 1 => 3").And.Contain("(2 create, 1 in-place update)")
            .And.MatchRegex(@"Job Modify Index: [1-9]\d*");
    }

    [Fact]
    public async Task Plan_with_no_node_to_place_on_says_why_in_words()
    {
        var plan = await Agent.CliAsync("job", "plan", Agent.Files.Write("web.yaml", Manifests.Job("web")));

        plan.ExitCode.Should().Be(1);
        plan.Output.Should().Contain("WARNING: Failed to place all allocations.").And.Contain("Task Group \"app\": no ready, eligible nodes");
    }

    [Fact]
    public async Task Plan_errors_exit_255_with_one_line_and_nothing_sent()
    {
        var invalid = await Agent.CliAsync("job", "plan", Agent.Files.Write("bad.yaml", "kind: Job\nspec: {}\n"));
        var missing = await Agent.CliAsync("job", "plan", Path.Combine(Agent.Files.Path, "nope.yaml"));

        invalid.ExitCode.Should().Be(255);
        invalid.Error.Should().Contain("bad.yaml").And.NotContain("   at ");
        missing.ExitCode.Should().Be(255);
        missing.Error.Should().Contain("nope.yaml: no such file");
    }

    [Fact]
    public async Task Plan_against_an_unreachable_agent_or_with_a_wrong_flag_exits_255_with_one_line()
    {
        var file = Agent.Files.Write("web.yaml", Manifests.Job("web"));

        var unreachable = await CliRun.InProcessAsync(Reconciler.Host.Cli.CliEnvironment.Of(new Dictionary<string, string> { ["RECON_ADDR"] = "http://127.0.0.1:1" }), "job", "plan", file);
        var flag = await Agent.CliAsync("job", "plan", "-frobnicate", file);

        unreachable.ExitCode.Should().Be(255);
        unreachable.Error.Trim().Should().StartWith("Error: cannot reach the agent at http://127.0.0.1:1").And.NotContain("\n");
        flag.ExitCode.Should().Be(255);
        flag.Error.Should().Contain("Run `recon job plan --help` for usage.");
    }

    [Fact]
    public async Task Run_with_check_index_0_registers_a_new_job_and_refuses_when_it_exists_naming_the_current_index()
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");
        var file = Agent.Files.Write("web.yaml", Manifests.Job("web"));

        var first = await Agent.CliAsync("job", "run", "-check-index", "0", "-start-timeout", "1s", file);
        var second = await Agent.CliAsync("job", "run", "-check-index", "0", file);
        File.WriteAllText(file, Manifests.Job("web", count: 2));
        (await Agent.CliAsync("job", "run", "-detach", file)).ExitCode.Should().Be(0);
        var stale = await Agent.CliAsync("job", "run", "-check-index", "1", file);

        first.ExitCode.Should().Be(0, first.Error);
        first.Output.Should().Contain("Monitoring evaluation \"web-v1\"").And.Contain("created: node \"node-1\", group \"app\"")
            .And.Contain("finished with status \"complete\"").And.Contain("no client started any of them within 1s");
        second.ExitCode.Should().Be(1);
        second.Error.Should().Contain("already exists").And.MatchRegex(@"current index \d+");
        stale.ExitCode.Should().Be(1);
        stale.Error.Should().Contain("-check-index 1 is stale").And.Contain("current index 2");
    }

    [Fact]
    public async Task The_modify_index_a_plan_prints_stays_valid_while_controllers_write_the_jobs_status()
    {
        var file = await RegisteredAsync(count: 2);
        var plan = await Agent.CliAsync("job", "plan", file);
        var index = System.Text.RegularExpressions.Regex.Match(plan.Output, @"Job Modify Index: (\d+)").Groups[1].Value;
        var before = await Agent.Http.GetFromJsonAsync<JsonObject>("/v1/jobs/web");
        var allocation = (await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count == 2))[0]["metadata"]!["name"]!.GetValue<string>();

        // Stopping an allocation makes the scheduler replace it and the job controller rewrite the job's summary.
        (await Agent.CliAsync("alloc", "stop", allocation)).ExitCode.Should().Be(0);
        await SimulatedNodes.AwaitJobAsync(Agent.Http, "web", j => ResourceVersion(j) > ResourceVersion(before!));
        var run = await Agent.CliAsync("job", "run", "-detach", "-check-index", index, file);

        index.Should().Be("1");
        run.ExitCode.Should().Be(0, run.Error);
    }

    private static long ResourceVersion(JsonObject job) => job["metadata"]!["resourceVersion"]!.GetValue<long>();

    [Fact]
    public async Task Run_with_detach_prints_the_evaluation_and_returns()
    {
        var run = await Agent.CliAsync("job", "run", "-detach", Agent.Files.Write("web.yaml", Manifests.Job("web")));

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Job registration successful").And.Contain("Evaluation ID: web-v1");
    }

    [Fact]
    public async Task Run_without_room_exits_2_with_the_placement_failure()
    {
        var run = await Agent.CliAsync("job", "run", Agent.Files.Write("web.yaml", Manifests.Job("web")));

        run.ExitCode.Should().Be(2);
        run.Output.Should().Contain("Failed to place all allocations").And.Contain("no ready, eligible nodes");
    }

    [Fact]
    public async Task Status_lists_the_jobs_and_shows_one_job_with_its_summary_and_allocations()
    {
        await RegisteredAsync(count: 2);
        await SimulatedNodes.AwaitJobAsync(Agent.Http, "web", job => job["status"]?["summary"]?["app"]?["starting"]?.GetValue<int>() == 2);

        var list = await Agent.CliAsync("job", "status");
        var one = await Agent.CliAsync("job", "status", "web");
        var json = await Agent.CliAsync("job", "status", "web", "-o", "json");

        list.Output.Should().MatchRegex(@"ID\s+Type\s+Priority\s+Status\s+Submit Date").And.MatchRegex(@"web\s+service\s+50\s+");
        one.Output.Should().MatchRegex(@"ID\s+=\s+web").And.Contain("Summary").And.MatchRegex(@"app\s+0\s+2\s+0")
            .And.Contain("Allocations").And.MatchRegex(@"[0-9a-f]{8}\s+node-1\s+app\s+1\s+run\s+pending");
        json.Output.Should().Contain("\"allocations\"");
    }

    [Fact]
    public async Task Status_and_inspect_of_an_unknown_job_fail_with_one_line_saying_how_to_list_jobs()
    {
        var status = await Agent.CliAsync("job", "status", "nope");
        var inspect = await Agent.CliAsync("inspect", "nope");

        status.ExitCode.Should().Be(1);
        status.Error.Trim().Should().Be("Error: No job 'nope' in namespace default; list jobs with `recon job status` (or pass -n NAMESPACE).");
        inspect.ExitCode.Should().Be(1);
        inspect.Error.Should().Contain("No job 'nope'");
    }

    [Fact]
    public async Task Inspect_prints_the_registered_job_as_yaml()
    {
        await RegisteredAsync();

        var inspect = await Agent.CliAsync("inspect", "web");

        inspect.ExitCode.Should().Be(0, inspect.Error);
        inspect.Output.Should().StartWith("apiVersion: recon/v1\nkind: Job\n").And.Contain("command: /bin/true");
    }

    [Fact]
    public async Task Scale_to_6_places_five_more_and_back_to_1_stops_them()
    {
        await RegisteredAsync();

        var up = await Agent.CliAsync("job", "scale", "web", "6");
        await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count == 6);
        var down = await Agent.CliAsync("job", "scale", "web", "app", "1");
        var left = await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count == 1);

        up.ExitCode.Should().Be(0, up.Error);
        up.Output.Should().Contain("Scaled job \"web\" to 6").And.Contain("Evaluation ID: web-v2");
        down.ExitCode.Should().Be(0, down.Error);
        left.Should().ContainSingle();
    }

    [Fact]
    public async Task Scale_of_an_unknown_group_or_a_bad_count_is_refused_and_changes_nothing()
    {
        await RegisteredAsync();

        var group = await Agent.CliAsync("job", "scale", "web", "db", "3");
        var count = await Agent.CliAsync("job", "scale", "web", "many");
        var inspect = await Agent.CliAsync("inspect", "web");

        group.ExitCode.Should().Be(1);
        group.Error.Should().Contain("no group 'db'").And.Contain("its groups: app");
        count.ExitCode.Should().Be(1);
        count.Error.Should().Contain("'many' is not a count");
        inspect.Output.Should().Contain("count: 1");
    }

    [Fact]
    public async Task Eval_creates_a_new_evaluation_that_eval_status_shows()
    {
        await RegisteredAsync();

        var eval = await Agent.CliAsync("job", "eval", "web");
        var id = System.Text.RegularExpressions.Regex.Match(eval.Output, "evaluation \"([^\"]+)\"").Groups[1].Value;
        var status = await Agent.CliAsync("eval", "status", id);

        eval.ExitCode.Should().Be(0, eval.Error);
        id.Should().StartWith("web-");
        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().MatchRegex($@"ID\s+=\s+{id}").And.MatchRegex(@"Job ID\s+=\s+web");
    }

    [Fact]
    public async Task Stop_marks_the_job_stopped_in_a_new_version_stops_its_allocations_and_run_starts_it_again()
    {
        var file = await RegisteredAsync(count: 2);

        var stop = await Agent.CliAsync("stop", "web");
        await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count == 0);
        await SimulatedNodes.AwaitJobAsync(Agent.Http, "web", j => j["status"]?["state"]?.GetValue<string>() == "dead");
        var list = await Agent.CliAsync("job", "status");
        var status = await Agent.CliAsync("job", "status", "web");
        var again = await Agent.CliAsync("job", "stop", "web");
        var run = await Agent.CliAsync("job", "run", "-detach", file);
        await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count == 2);

        stop.ExitCode.Should().Be(0, stop.Error);
        stop.Output.Should().Contain("Job \"web\" is stopping").And.Contain("Evaluation ID: web-v2");
        list.Output.Should().MatchRegex(@"web\s+service\s+50\s+dead \(stopped\)");
        status.Output.Should().MatchRegex(@"Status\s+=\s+dead \(stopped\)").And.MatchRegex(@"Version\s+=\s+2");
        status.Output.Should().MatchRegex(@"app\s+1\s+stop\s+pending");
        again.Output.Should().Contain("Job \"web\" is already stopped");
        run.ExitCode.Should().Be(0, run.Error);
        (await Agent.CliAsync("job", "status", "web")).Output.Should().MatchRegex(@"Version\s+=\s+3").And.MatchRegex(@"app\s+3\s+run\s+pending");
    }

    [Fact]
    public async Task Stop_with_purge_deletes_the_job_its_allocations_and_its_evaluations()
    {
        await RegisteredAsync();

        var stop = await Agent.CliAsync("job", "stop", "-purge", "web");
        stop.ExitCode.Should().Be(0, stop.Error);
        await SimulatedNodes.AwaitGoneAsync(Agent.Http, "/v1/jobs/web");
        var status = await Agent.CliAsync("job", "status");
        var allocations = await Agent.CliAsync("get", "allocations");
        var evaluations = await Agent.CliAsync("get", "evaluations");

        stop.Output.Should().Contain("Job \"web\" is being purged");
        status.Output.Should().Contain("No running jobs");
        allocations.Output.Should().NotContain("web");
        evaluations.Output.Should().NotContain("web");
    }
}
