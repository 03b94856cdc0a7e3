using System.Net.Http.Json;
using System.Text;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Api.Acl;

/// <summary>ACL set-up steps on a <see cref="RunningAgent"/> with ACLs on, through its API: bootstrap, policies, tokens.</summary>
internal static class AclAgent
{
    public static async Task<string> BootstrapAsync(this RunningAgent agent)
    {
        using var response = await agent.Http.PostAsync("/v1/acl/bootstrap", null);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AclTokenView>(ApiJson.Options))!.SecretId!;
    }

    /// <summary>Writes policy <paramref name="name"/> with <paramref name="rules"/> (spec fields, YAML) and returns a new client token's secret holding it.</summary>
    public static async Task<string> TokenWithPolicyAsync(this RunningAgent agent, string management, string name, string rules)
    {
        var manifest = $"apiVersion: recon/v1\nkind: AclPolicy\nmetadata:\n  name: {name}\nspec:\n{string.Join("\n", rules.Split('\n').Select(l => "  " + l))}\n";
        using (var put = await agent.SendAsync(HttpMethod.Put, $"/v1/acl/policy/{name}", management, new StringContent(manifest, Encoding.UTF8, "application/yaml")))
            put.IsSuccessStatusCode.Should().BeTrue(await put.Content.ReadAsStringAsync());
        using var created = await agent.SendAsync(HttpMethod.Post, "/v1/acl/token", management, JsonContent.Create(new AclTokenRequest(name + "-token", "client", [name], null), options: ApiJson.Options));
        created.IsSuccessStatusCode.Should().BeTrue(await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<AclTokenView>(ApiJson.Options))!.SecretId!;
    }

    public static Task<HttpResponseMessage> SendAsync(this RunningAgent agent, HttpMethod method, string path, string? token, HttpContent? content = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null) request.Headers.Add(ApiHeaders.Token, token);
        return agent.Http.SendAsync(request, completion);
    }
}
