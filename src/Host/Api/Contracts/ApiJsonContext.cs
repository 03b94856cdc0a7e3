using System.Text.Json.Serialization;
using Reconciler.Store;

namespace Reconciler.Host.Api.Contracts;

/// <summary>
/// Compile-time JSON metadata for the API's bodies, so a short-lived <c>recon</c> command does not build it by
/// reflection at run time (emitted code ReadyToRun cannot precompile). <see cref="ApiJson.Options"/> puts it first in
/// its resolver chain and keeps its own naming rules and converters, so the JSON is the same either way.
/// </summary>
/// <remarks>
/// Only positional records belong here. The generator sets every <c>init</c> property when it constructs an object, so
/// a field missing from the JSON would become null instead of keeping its initializer (dotnet/runtime#84484); that is
/// why <see cref="ApplyRequest"/> and the resource records (<c>ResourceJson</c>) stay on reflection.
/// </remarks>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(AclTokenRequest))]
[JsonSerializable(typeof(AclTokenView))]
[JsonSerializable(typeof(IReadOnlyList<AclTokenView>))]
[JsonSerializable(typeof(AgentSelf))]
[JsonSerializable(typeof(AllocationHealthRequest))]
[JsonSerializable(typeof(ApiErrorBody))]
[JsonSerializable(typeof(ApplyResponse))]
[JsonSerializable(typeof(DeleteResponse))]
[JsonSerializable(typeof(DrainRequest))]
[JsonSerializable(typeof(EligibilityRequest))]
[JsonSerializable(typeof(EvaluationCreated))]
[JsonSerializable(typeof(GitOpsStatus))]
[JsonSerializable(typeof(JobPlanResponse))]
[JsonSerializable(typeof(JobRegisterResponse))]
[JsonSerializable(typeof(IReadOnlyList<KindDescription>))]
[JsonSerializable(typeof(NodeWithAllocations))]
[JsonSerializable(typeof(PromoteRequest))]
[JsonSerializable(typeof(ResourceList))]
[JsonSerializable(typeof(RevertRequest))]
[JsonSerializable(typeof(ScaleRequest))]
[JsonSerializable(typeof(SnapshotInfo))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
