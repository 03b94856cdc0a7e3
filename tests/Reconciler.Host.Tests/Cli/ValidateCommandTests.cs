namespace Reconciler.Host.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private const string ValidJob = """
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: web
        spec:
          groups:
            - name: web
              tasks:
                - name: httpd
                  driver: exec
                  config:
                    command: /bin/busybox
        """;

    [Fact]
    public async Task The_example_manifests_and_agent_configs_are_all_valid()
    {
        var run = await CliRun.InProcessAsync("validate", RepositoryRoot.Combine("manifests"));

        run.Error.Should().BeEmpty();
        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("web.yaml").And.Contain("Job/default/web").And.Contain(".toml");
        run.Output.TrimEnd().Should().EndWith("files valid");
    }

    [Fact]
    public async Task An_unknown_field_is_reported_with_file_line_column_field_path_and_hint()
    {
        var file = _dir.Write("job.yaml", ValidJob.Replace("  groups:", "  update:\n    maxParalel: 2\n  groups:"));

        var run = await CliRun.InProcessAsync("validate", file);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain($"{file}:7:5: Job/default/web: spec.update.maxParalel:")
            .And.Contain("did you mean maxParallel?");
        run.Output.Should().NotContain("ok ");
    }

    [Fact]
    public async Task Every_error_of_every_file_is_reported_not_only_the_first()
    {
        _dir.Write("a/one.yaml", ValidJob.Replace("  name: web", "  name: web\n  colour: red"));
        _dir.Write("b/two.yaml", ValidJob.Replace("name: web\nspec:", "name: web\nspec:\n  priority: 500"));
        _dir.Write("b/agent.toml", "data_dir = \"/tmp/x\"\n[server]\nenabled = true\n[telemetry]\ncolection_interval = \"1s\"\n");

        var run = await CliRun.InProcessAsync("validate", _dir.Path);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("one.yaml:").And.Contain("colour")
            .And.Contain("two.yaml:").And.Contain("spec.priority")
            .And.Contain("agent.toml:5:1").And.Contain("telemetry.colection_interval");
        run.Error.TrimEnd().Should().EndWith("3 errors in 3 of 3 files.");
    }

    [Fact]
    public async Task A_valid_file_passes_beside_an_invalid_one_and_the_exit_code_is_still_1()
    {
        _dir.Write("good.yaml", ValidJob);
        _dir.Write("bad.yaml", ValidJob.Replace("kind: Job", "kind: Jobb"));

        var run = await CliRun.InProcessAsync("validate", _dir.Path);

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("good.yaml (Job/default/web)");
        run.Error.Should().Contain("bad.yaml:2:").And.Contain("Jobb");
    }

    [Fact]
    public async Task A_missing_path_is_an_error_that_says_so()
    {
        var missing = Path.Combine(_dir.Path, "nope.yaml");

        var run = await CliRun.InProcessAsync("validate", missing);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain($"{missing}: no such file or directory");
    }

    [Fact]
    public async Task A_file_that_is_neither_manifest_nor_config_is_refused_with_the_accepted_kinds()
    {
        var file = _dir.Write("notes.txt", "hello");

        var run = await CliRun.InProcessAsync("validate", file);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("recon validate reads .yaml and .yml manifests and .toml agent configs");
    }

    public void Dispose() => _dir.Dispose();
}
