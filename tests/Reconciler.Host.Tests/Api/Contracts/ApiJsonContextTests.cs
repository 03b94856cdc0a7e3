using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Reconciler.Host.Api.Contracts;
using Reconciler.Store;

namespace Reconciler.Host.Tests.Api.Contracts;

public sealed class ApiJsonContextTests
{
    // The same options with metadata built by reflection only: what the API wrote before it had compiled metadata.
    private static readonly JsonSerializerOptions ByReflection =
        new(ApiJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<object> Bodies() =>
    [
        new AgentSelf("vm", "0.1.0", "global", "dc1", Server: true, Client: false, Dev: true),
        new AllocationHealthRequest(["a1"], null),
        new ApiErrorBody(new ApiErrorInfo("invalid", "spec.groups[0].count: must be at least 0 <here>", new JsonObject { ["errors"] = new JsonArray("x & y") })),
        new ApplyResponse(DryRun: false, 7, [new ObjectChange("job/default/web", ChangeActions.Created, Desired: "{}")]),
        new DeleteResponse("job/default/web", "deleted", 8),
        new DrainRequest(true, TimeSpan.FromMinutes(90)),
        new EligibilityRequest(false),
        new EvaluationCreated(null, 3),
        new JobPlanResponse("job/default/web", [new FieldChange("spec.groups[0].count", "Edited", "1", "3")],
            [new GroupPlan("web", 2, 0, 1, 0, 0, 1)], new Dictionary<string, string> { ["web"] = "no node <fits>" }, 4, Exists: true),
        new JobRegisterResponse("job/default/web", "web-v2", 9, 2, Changed: true),
        new List<KindDescription> { new("Job", "jobs", Namespaced: true, System: false) },
        new NodeWithAllocations(new JsonObject { ["kind"] = "Node" }, [new JsonObject { ["kind"] = "Allocation" }]),
        new PromoteRequest(["web"]),
        new ResourceList([new JsonObject { ["kind"] = "Job", ["metadata"] = new JsonObject { ["name"] = "web" } }], 12),
        new RevertRequest(1, null),
        new ScaleRequest("web", 5),
        new SnapshotInfo(1, 40, DateTimeOffset.UnixEpoch, 1024, new Dictionary<string, int> { ["Job"] = 2 }),
    ];

    public static TheoryData<object> Records() => new(((IEnumerable<object[]>)Bodies()).Select(row => row[0]).Where(body => body is not IReadOnlyList<KindDescription>));

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Compiled_metadata_writes_and_reads_every_api_body_as_reflection_does(object body)
    {
        var type = DeclaredType(body);

        var compiled = JsonSerializer.Serialize(body, type, ApiJson.Options);

        ApiJsonContext.Default.GetTypeInfo(type).Should().NotBeNull("every API body is read from compiled metadata");
        compiled.Should().Be(JsonSerializer.Serialize(body, type, ByReflection));
        JsonSerializer.Serialize(JsonSerializer.Deserialize(compiled, type, ApiJson.Options), type, ByReflection).Should().Be(compiled);
    }

    // The generator's known difference: an init property missing from the JSON loses its initializer. Records compare by value.
    [Theory]
    [MemberData(nameof(Records))]
    public void Compiled_metadata_fills_fields_missing_from_the_json_as_reflection_does(object body)
    {
        var compiled = JsonSerializer.Deserialize("{}", body.GetType(), ApiJson.Options);

        compiled.Should().Be(JsonSerializer.Deserialize("{}", body.GetType(), ByReflection));
    }

    // The CLI reads the kinds as the interface; every other body as its record.
    private static Type DeclaredType(object body) => body is IReadOnlyList<KindDescription> ? typeof(IReadOnlyList<KindDescription>) : body.GetType();
}
