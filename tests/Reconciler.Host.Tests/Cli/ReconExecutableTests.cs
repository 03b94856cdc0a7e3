namespace Reconciler.Host.Tests.Cli;

/// <summary>The same commands through the real executable: exit codes and streams as a shell sees them.</summary>
public sealed class ReconExecutableTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Recon_validate_manifests_exits_0()
    {
        var run = await ReconProcess.RunAsync("validate", RepositoryRoot.Combine("manifests"));

        run.Error.Should().BeEmpty();
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Recon_validate_on_an_unknown_field_exits_1_with_the_location_on_stderr()
    {
        var file = _dir.Write("web.yaml", """
            apiVersion: recon/v1
            kind: Job
            metadata:
              name: web
            spec:
              groups:
                - name: web
                  tasks:
                    - name: httpd
                      drivr: exec
            """);

        var run = await ReconProcess.RunAsync("validate", file);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain($"{file}:10:11: Job/default/web: spec.groups[0].tasks[0].drivr:")
            .And.Contain("did you mean driver?");
        run.Output.Should().NotContain("valid");
    }

    [Fact]
    public async Task An_unknown_command_fails_without_a_stack_trace()
    {
        var run = await ReconProcess.RunAsync("frobnicate");

        run.ExitCode.Should().NotBe(0);
        run.Error.Should().Contain("frobnicate").And.NotContain("   at ");
    }

    public void Dispose() => _dir.Dispose();
}
