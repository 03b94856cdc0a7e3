using System.Net.Http.Json;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Api;

public sealed class SecretRedactionTests : AgentTest
{
    [Fact]
    public async Task No_response_carries_a_secret_value()
    {
        var index = (await Agent.Http.GetAsync("/v1/secrets")).Index();
        var apply = new ApplyRequest { Files = [new ManifestFile("s.yaml", Manifests.Secret("db"))], Diff = true };
        var bodies = new List<string>
        {
            await (await Agent.Http.PostAsJsonAsync("/v1/apply", apply, ApiJson.Options)).Content.ReadAsStringAsync(),
            await (await Agent.Http.GetAsync("/v1/secrets/db")).Content.ReadAsStringAsync(),
            await (await Agent.Http.GetAsync("/v1/secrets")).Content.ReadAsStringAsync(),
            await (await Agent.Http.PostAsJsonAsync("/v1/apply", apply with { DryRun = true, Files = [new ManifestFile("s.yaml", Manifests.Secret("db", "changed-value"))] }, ApiJson.Options))
                .Content.ReadAsStringAsync(),
            await (await Agent.PutYamlAsync("/v1/secrets/db", Manifests.Secret("db", "put-value"))).Content.ReadAsStringAsync(),
        };
        using var stream = await Agent.Http.GetAsync($"/v1/event/stream?index={index}&kind=Secret", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        bodies.Add((await reader.ReadLineAsync())!);

        bodies.Should().AllSatisfy(b => b.Should().NotContain(Manifests.SecretValue).And.NotContain("changed-value").And.NotContain("put-value"));
        bodies[1].Should().Contain("(redacted)");
    }
}
