using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Jobs;

public sealed class JobPlanAnnotationTests : AgentTest
{
    private static string Job(string log, int count, int cpu, string owner, string password) => $$$"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: web
        spec:
          datacenters: [dc1]
          groups:
            - name: app
              count: {{{count}}}
              meta: { owner: {{{owner}}} }
              tasks:
                - name: main
                  driver: exec
                  config: { command: /bin/sleep, args: ["600"] }
                  env: { LOG: {{{log}}} }
                  resources: { cpu: {{{cpu}}}, memoryMB: 64 }
                  templates:
                    - destination: local/app.env
                      env: true
                      data: 'DB_PASSWORD={{ secret "db" "{{{password}}}" }}'
        """;

    [Fact]
    public async Task Plan_annotates_each_changed_field_with_the_update_it_forces_and_never_shows_a_secret_value()
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");
        var secret = await Agent.CliAsync("apply", "-f", Agent.Files.Write("secret.yaml", Manifests.Secret("db")));
        secret.ExitCode.Should().Be(0, secret.Error);
        var file = Agent.Files.Write("web.yaml", Job("info", 1, 100, "a", "password"));
        var run = await Agent.CliAsync("job", "run", "-detach", file);
        run.ExitCode.Should().Be(0, run.Error);
        await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count == 1);

        File.WriteAllText(file, Job("debug", 2, 200, "b", "password2"));
        var plan = await Agent.CliAsync("job", "plan", file);

        plan.ExitCode.Should().Be(1, plan.Error);
        plan.Output.Should().Contain("~ spec.groups[app].tasks[main].env.LOG: \"info\" => \"debug\" (forces create/destroy update)")
            .And.Contain("~ spec.groups[app].tasks[main].resources.cpu: 100 => 200 (forces create/destroy update)")
            .And.Contain("password\\\" }}\" => \"DB_PASSWORD={{ secret \\\"db\\\" \\\"password2\\\" }}\" (forces create/destroy update)")
            .And.Contain("~ spec.groups[app].count: 1 => 2 (in-place update)")
            .And.Contain("~ spec.groups[app].meta.owner: \"a\" => \"b\" (in-place update)")
            .And.Contain("create/destroy update)");
        plan.Output.Should().NotContain(Manifests.SecretValue);

        var json = await Agent.CliAsync("job", "plan", "-o", "json", file);
        json.Output.Should().Contain("\"update\": \"forces create/destroy update\"").And.Contain("\"update\": \"in-place update\"");
        json.Output.Should().NotContain(Manifests.SecretValue);
    }
}
