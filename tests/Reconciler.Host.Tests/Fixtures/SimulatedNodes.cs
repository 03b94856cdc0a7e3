using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>
/// Nodes registered through the agent's node API as a client agent would register them (exec and mock drivers,
/// plenty of room), so the scheduler has somewhere to place; no client runs their allocations.
/// </summary>
internal static class SimulatedNodes
{
    private const string Spec = """{"datacenter":"dc1","drivers":{"exec":{"detected":true,"healthy":true},"mock":{"detected":true,"healthy":true}},"resources":{"cpu":100000,"memoryMB":100000}}""";

    /// <summary>Registers <paramref name="name"/> and heartbeats once, which makes it ready.</summary>
    public static async Task RegisterAsync(HttpClient http, string name)
    {
        using var register = await http.PostAsync($"/v1/node/{name}/register", new StringContent(Spec, System.Text.Encoding.UTF8, "application/json"));
        register.EnsureSuccessStatusCode();
        using var heartbeat = await http.PostAsync($"/v1/node/{name}/heartbeat", null);
        heartbeat.EnsureSuccessStatusCode();
    }

    /// <summary>Waits (blocking queries, no sleeps) until the job's allocations desired to run satisfy <paramref name="done"/>; returns them.</summary>
    public static async Task<IReadOnlyList<JsonObject>> AwaitAllocationsAsync(HttpClient http, string job, Func<IReadOnlyList<JsonObject>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        for (long index = 0; ;)
        {
            var list = (await http.GetFromJsonAsync<ResourceList>($"/v1/job/{job}/allocations?index={index}&wait=10s", ApiJson.Options, timeout.Token))!;
            var running = list.Items.Where(a => a["spec"]?["desiredStatus"]?.GetValue<string>() == "run").ToList();
            if (done(running)) return running;
            index = list.Index;
        }
    }

    /// <summary>Waits (blocking queries) until the job's JSON satisfies <paramref name="done"/>.</summary>
    public static async Task AwaitJobAsync(HttpClient http, string job, Func<JsonObject, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        for (var index = "0"; ;)
        {
            using var response = await http.GetAsync($"/v1/jobs/{job}?index={index}&wait=10s", timeout.Token);
            response.EnsureSuccessStatusCode();
            if (done(JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token))!.AsObject())) return;
            index = response.Headers.GetValues(ApiHeaders.Index).First();
        }
    }

    /// <summary>Waits (blocking queries) until some node is ready, e.g. the agent's own client node.</summary>
    public static async Task AwaitReadyNodeAsync(HttpClient http)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        for (long index = 0; ;)
        {
            var list = (await http.GetFromJsonAsync<ResourceList>($"/v1/nodes?index={index}&wait=10s", ApiJson.Options, timeout.Token))!;
            if (list.Items.Any(n => n["status"]?["state"]?.GetValue<string>() == "ready")) return;
            index = list.Index;
        }
    }

    /// <summary>Waits (blocking queries) until no allocation's client reports it running: the tasks have ended.</summary>
    public static async Task AwaitNoneRunningAsync(HttpClient http)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        for (long index = 0; ;)
        {
            var list = (await http.GetFromJsonAsync<ResourceList>($"/v1/allocations?namespace=*&index={index}&wait=10s", ApiJson.Options, timeout.Token))!;
            if (!list.Items.Any(a => a["status"]?["clientStatus"]?.GetValue<string>() is "running" or "pending")) return;
            index = list.Index;
        }
    }

    /// <summary>Waits until GET <paramref name="path"/> answers 404.</summary>
    public static async Task AwaitGoneAsync(HttpClient http, string path)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        for (var index = "0"; ;)
        {
            using var response = await http.GetAsync($"{path}?index={index}&wait=5s");
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"{path} is still there after a minute: {await response.Content.ReadAsStringAsync()}");
            index = response.Headers.GetValues(ApiHeaders.Index).First();
        }
    }
}
