using System.Text.Json.Nodes;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Tests.Manifests;

public sealed class ManifestWriterTests
{
    // Every field of the job spec written at least once, so a field the reader or writer misses shows up.
    private const string FullJob = """
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: everything
          namespace: team-a
          labels: { app: everything }
          annotations: { note: "has: colons # and hashes" }
        spec:
          type: service
          priority: 70
          datacenters: [dc1, dc2]
          meta: { owner: ops }
          update: { maxParallel: 2, stagger: 1h30m, minHealthyTime: 1.5s, healthyDeadline: 10m, progressDeadline: 15m, canary: 1, autoPromote: true, autoRevert: true, healthCheck: task_states }
          groups:
            - name: cache
              count: 3
              constraints:
                - { attribute: "${attr.kernel.name}", operator: "=", value: linux }
                - { operator: distinct_hosts }
                - { attribute: "${attr.os.version}", operator: version, value: ">= 12" }
              affinities: [{ attribute: "${node.datacenter}", operator: "!=", value: dc2, weight: -40 }]
              spreads: [{ attribute: "${node.datacenter}", weight: 100, targets: [{ value: dc1, percent: 60 }, { value: dc2, percent: 40 }] }]
              restart: { attempts: 5, interval: 10m, delay: 30s, mode: delay }
              reschedule: { attempts: 3, interval: 1h, delay: 10s, delayFunction: fibonacci, maxDelay: 5m, unlimited: false }
              volumes: { data: { type: host, source: redis-data, readOnly: true } }
              network: { mode: bridge, ports: [{ label: db, to: 6379 }, { label: admin, static: 9090 }] }
              meta: { tier: cache }
              tasks:
                - name: redis
                  driver: docker
                  config:
                    image: redis:7
                    ports: [db]
                    version: "1.10"
                    enabled: "true"
                    answer: no
                    empty: {}
                    nothing: null
                    args: ["--port", "${RECON_PORT_db}"]
                  env: { LOG_LEVEL: info, PORT: "6379" }
                  resources: { cpu: 500, memoryMB: 256 }
                  volumeMounts: [{ volume: data, destination: /data, readOnly: true }]
                  templates:
                    - destination: local/app.env
                      env: true
                      changeMode: signal
                      changeSignal: SIGHUP
                      data: |
                        DB_PASSWORD={{ secret "app-db" "password" }}
                        MODE=fast
                  services:
                    - name: redis
                      port: db
                      tags: [cache, "true"]
                      checks:
                        - { type: tcp, interval: 10s, timeout: 2s }
                        - { type: script, name: ping, command: /usr/bin/redis-cli, args: [ping], interval: 30s, timeout: 5s }
                        - { type: http, path: /health, expectedStatus: 204, interval: 10s, timeout: 1s }
                  meta: { role: primary }
                  killTimeout: 20s
        """;

    private static Resource ReadOne(string yaml)
    {
        var result = ManifestReader.Default.Read(yaml, "full.yaml");
        result.Errors.Should().BeEmpty(string.Join(Environment.NewLine, result.Errors));
        return result.Resources.Single();
    }

    [Fact]
    public void A_job_with_every_field_round_trips_through_yaml()
    {
        var job = ReadOne(FullJob);

        var yaml = ManifestWriter.Display.ToYaml(job);

        ReadOne(yaml).ShouldEqualByJson(job);
    }

    [Fact]
    public void A_job_with_every_field_round_trips_through_the_json_writer_and_the_store_json()
    {
        var job = ReadOne(FullJob);

        var json = ManifestWriter.Display.ToJson(job);
        var fromDisplayJson = ResourceJson.Default.Deserialize(JsonDocument(json));
        var fromStore = ResourceJson.Default.Deserialize(ResourceJson.Default.Serialize(job));

        fromDisplayJson.ShouldEqualByJson(job);
        fromStore.ShouldEqualByJson(job);
    }

    [Fact]
    public void Durations_are_written_go_style_and_typed_looking_strings_are_quoted()
    {
        var yaml = ManifestWriter.Display.ToYaml(ReadOne(FullJob));

        yaml.Should().Contain("stagger: 1h30m").And.Contain("minHealthyTime: 1.5s").And.Contain("killTimeout: 20s");
        yaml.Should().Contain("version: \"1.10\"").And.Contain("enabled: \"true\"").And.Contain("- \"true\"").And.Contain("answer: \"no\"");
        yaml.Should().Contain("data: |").And.Contain("operator: '!='");
    }

    [Fact]
    public void Empty_lists_and_maps_are_left_out_but_an_empty_map_inside_driver_config_is_kept()
    {
        var yaml = ManifestWriter.Display.ToYaml(ReadOne(FullJob));

        yaml.Should().NotContain("finalizers").And.NotContain("conditions").And.Contain("empty: {}");
    }

    [Fact]
    public void Several_resources_are_written_as_a_multi_document_stream_that_reads_back_in_order()
    {
        var resources = new Resource[]
        {
            new Namespace { Metadata = new ObjectMeta { Name = "team-a" }, Spec = new NamespaceSpec { Description = "A" } },
            new Volume { Metadata = new ObjectMeta { Name = "data", Namespace = "team-a" }, Spec = new VolumeSpec { Path = "/srv/data" } },
        };

        var yaml = ManifestWriter.Display.ToYaml(resources);
        var back = ManifestReader.Default.Read(yaml, "multi.yaml");

        yaml.Should().StartWith("apiVersion: recon/v1").And.Contain("\n---\n");
        back.Resources.Should().HaveCount(2);
        back.Resources[0].ShouldEqualByJson(resources[0]);
        back.Resources[1].ShouldEqualByJson(resources[1]);
    }

    public static TheoryData<string> SystemKinds() => new(SystemObjects.Keys);

    [Theory]
    [MemberData(nameof(SystemKinds))]
    public void System_kinds_round_trip_through_yaml_and_json(string kind)
    {
        var resource = SystemObjects[kind];

        ReadOne(ManifestWriter.Unredacted.ToYaml(resource)).ShouldEqualByJson(resource);
        ResourceJson.Default.Deserialize(ResourceJson.Default.Serialize(resource)).ShouldEqualByJson(resource);
    }

    private static System.Text.Json.JsonElement JsonDocument(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement;

    private static readonly DateTimeOffset At = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly Dictionary<string, Resource> SystemObjects = new()
    {
        ["Node"] = new Node
        {
            Metadata = new ObjectMeta { Name = "node-1", Uid = "u1", Generation = 2, ResourceVersion = 7, CreatedAt = At },
            Spec = new NodeSpec
            {
                Datacenter = "dc2", NodeClass = "gpu",
                Attributes = new Dictionary<string, string> { ["kernel.name"] = "linux", ["cpu.numcores"] = "2" },
                Drivers = new Dictionary<string, NodeDriver> { ["exec"] = new() { Detected = true, Healthy = false, HealthDescription = "no cgroups" } },
                Resources = new NodeResources { Cpu = 4000, MemoryMB = 24576 },
                HostVolumes = new Dictionary<string, NodeHostVolume> { ["data"] = new() { Path = "/srv/data", ReadOnly = true } },
                SchedulingEligibility = SchedulingEligibility.Ineligible,
                Drain = new DrainStrategy { Deadline = TimeSpan.FromMinutes(30), IgnoreSystemJobs = true, StartedAt = At },
            },
            Status = new NodeStatus { State = NodeState.Ready, LastHeartbeat = At, ObservedGeneration = 2 },
        },
        ["Allocation"] = new Allocation
        {
            Metadata = new ObjectMeta { Name = "redis-cache-0-abc123", Namespace = "default" },
            Spec = new AllocationSpec
            {
                Job = "redis", JobVersion = 3, Group = "cache", Index = 0, Node = "node-1",
                DesiredStatus = AllocationDesiredStatus.Evict, DesiredDescription = "preempted",
                Resources = new Dictionary<string, TaskResources> { ["redis"] = new() { Cpu = 500, MemoryMB = 256 } },
                Ports = [new AllocatedPort { Label = "db", Value = 23456, To = 6379, HostIp = "127.0.0.1" }],
                PreviousAllocation = "redis-cache-0-old", DeploymentId = "d1", Canary = true,
            },
            Status = new AllocationStatus
            {
                ClientStatus = AllocationClientStatus.Running,
                Health = new AllocationHealth { Healthy = true, Timestamp = At, Canary = true },
                TaskStates = new Dictionary<string, TaskState>
                {
                    ["redis"] = new()
                    {
                        State = TaskLifecycleState.Running, Restarts = 1, StartedAt = At,
                        Events = [new TaskEvent { Type = "Started", Time = At, Message = "started" }, new TaskEvent { Type = "Terminated", Time = At, ExitCode = 137, Signal = 9 }],
                    },
                },
                Conditions = [new Condition { Type = "Ready", Status = ConditionStatus.True, Reason = "Running", LastTransitionTime = At }],
            },
        },
        ["Deployment"] = new Deployment
        {
            Metadata = new ObjectMeta { Name = "redis-3", Namespace = "default" },
            Spec = new DeploymentSpec { Job = "redis", JobVersion = 3 },
            Status = new DeploymentStatus
            {
                State = DeploymentState.Paused, Description = "paused by operator",
                Groups = new Dictionary<string, DeploymentGroupState>
                {
                    ["cache"] = new() { Desired = 3, DesiredCanaries = 1, PlacedCanaries = ["a1"], Placed = 1, Healthy = 1, AutoRevert = true, RequireProgressBy = At },
                },
            },
        },
        ["Evaluation"] = new Evaluation
        {
            Metadata = new ObjectMeta { Name = "eval-1", Namespace = "default" },
            Spec = new EvaluationSpec { Job = "redis", JobVersion = 3, TriggeredBy = EvaluationTrigger.NodeDrain, Priority = 70, Type = JobType.Batch, Node = "node-1", WaitUntil = At },
            Status = new EvaluationStatus
            {
                State = EvaluationState.Blocked,
                FailedPlacements = new Dictionary<string, PlacementFailure>
                {
                    ["cache"] = new()
                    {
                        NodesEvaluated = 3, NodesFiltered = 2, NodesExhausted = 1, CoalescedFailures = 2,
                        ConstraintFiltered = new Dictionary<string, int> { ["${attr.kernel.name} = linux"] = 2 },
                        DimensionExhausted = new Dictionary<string, int> { ["memory"] = 1 },
                    },
                },
                QueuedAllocations = new Dictionary<string, int> { ["cache"] = 3 },
            },
        },
    };
}
