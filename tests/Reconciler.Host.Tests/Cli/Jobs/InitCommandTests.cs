using Reconciler.Host.Cli.Init;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;

namespace Reconciler.Host.Tests.Cli.Jobs;

/// <summary><c>recon init</c> writes into the current directory, so these run the real binary in a directory of their own.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Init_writes_a_valid_example_job_that_runs_busybox_through_exec()
    {
        var run = await ReconProcess.RunInAsync(_dir.Path, new Dictionary<string, string>(), "init");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Example job file written to example.yaml");
        var read = ManifestReader.Default.Read(File.ReadAllText(Path.Combine(_dir.Path, ExampleJob.FileName)), "example.yaml");
        read.Errors.Should().BeEmpty();
        var job = read.Resources.Should().ContainSingle().Which.Should().BeOfType<Job>().Subject;
        job.Spec.Groups[0].Tasks[0].Driver.Should().Be("exec");
        job.Spec.Groups[0].Tasks[0].Config["command"]!.GetValue<string>().Should().Be("/bin/busybox");
    }

    [Fact]
    public async Task Init_refuses_to_overwrite_an_existing_example()
    {
        var path = _dir.Write(ExampleJob.FileName, "mine\n");

        var run = await ReconProcess.RunInAsync(_dir.Path, new Dictionary<string, string>(), "init");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("example.yaml already exists").And.NotContain("   at ");
        File.ReadAllText(path).Should().Be("mine\n");
    }

    public void Dispose() => _dir.Dispose();
}
