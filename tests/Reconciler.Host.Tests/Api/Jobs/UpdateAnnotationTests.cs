using System.Text.Json.Nodes;

using Reconciler.Host.Api.Jobs;
using Reconciler.Host.Api.Resources;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling.Reconcile;

namespace Reconciler.Host.Tests.Api.Jobs;

public sealed class UpdateAnnotationTests
{
    private static readonly Job Registered = new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        Spec = new JobSpec
        {
            Update = new UpdateStrategy { MaxParallel = 1 },
            Groups =
            [
                new TaskGroup
                {
                    Name = "app",
                    Count = 1,
                    Update = new UpdateStrategy { MaxParallel = 1 },
                    Meta = new Dictionary<string, string> { ["owner"] = "a" },
                    Tasks =
                    [
                        new JobTask
                        {
                            Name = "main", Driver = "exec", Config = new JsonObject { ["command"] = "/bin/sleep" },
                            Env = new Dictionary<string, string> { ["LOG"] = "info" },
                            Resources = new TaskResources { Cpu = 100, MemoryMB = 64 },
                            Templates = [new TaskTemplate { Destination = "local/app.env", Data = "A=1" }],
                            Meta = new Dictionary<string, string> { ["team"] = "x" },
                        },
                    ],
                },
            ],
        },
    };

    private static Job Change(Func<TaskGroup, TaskGroup> group) => Registered with { Spec = Registered.Spec with { Groups = [group(Registered.Spec.Groups[0])] } };

    private static Job ChangeTask(Func<JobTask, JobTask> task) => Change(g => g with { Tasks = [task(g.Tasks[0])] });

    public static TheoryData<string, Job, string> Changes => new()
    {
        { "driver config", ChangeTask(t => t with { Config = new JsonObject { ["command"] = "/bin/true" } }), UpdateAnnotation.Destructive },
        { "env", ChangeTask(t => t with { Env = new Dictionary<string, string> { ["LOG"] = "debug" } }), UpdateAnnotation.Destructive },
        { "resources", ChangeTask(t => t with { Resources = new TaskResources { Cpu = 200, MemoryMB = 64 } }), UpdateAnnotation.Destructive },
        { "templates", ChangeTask(t => t with { Templates = [new TaskTemplate { Destination = "local/app.env", Data = "A=2" }] }), UpdateAnnotation.Destructive },
        { "restart", Change(g => g with { Restart = new RestartPolicy { Attempts = 5 } }), UpdateAnnotation.Destructive },
        { "count", Change(g => g with { Count = 3 }), UpdateAnnotation.InPlace },
        { "group update", Change(g => g with { Update = new UpdateStrategy { MaxParallel = 2 } }), UpdateAnnotation.InPlace },
        { "group meta", Change(g => g with { Meta = new Dictionary<string, string> { ["owner"] = "b" } }), UpdateAnnotation.InPlace },
        { "task meta", ChangeTask(t => t with { Meta = new Dictionary<string, string> { ["team"] = "y" } }), UpdateAnnotation.InPlace },
        { "job update", Registered with { Spec = Registered.Spec with { Update = new UpdateStrategy { MaxParallel = 3 } } }, UpdateAnnotation.InPlace },
        { "job meta", Registered with { Spec = Registered.Spec with { Meta = new Dictionary<string, string> { ["k"] = "v" } } }, UpdateAnnotation.InPlace },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Every_changed_field_is_annotated_as_the_scheduler_will_update_it(string change, Job proposed, string expected)
    {
        var diff = UpdateAnnotation.Annotate(JobFieldDiff.Of(RedactedView.UserFields(Registered)["spec"], RedactedView.UserFields(proposed)["spec"], "spec"));

        diff.Should().NotBeEmpty(change);
        diff.Should().OnlyContain(c => c.Update == expected, change);
        var replaced = GroupDigest.Of(Registered.Spec.Groups[0]) != GroupDigest.Of(proposed.Spec.Groups[0]);
        replaced.Should().Be(expected == UpdateAnnotation.Destructive, "the scheduler replaces allocations exactly when the plan says so ({0})", change);
    }

    [Theory]
    [InlineData("spec.groups[app].tasks[main].env.LOG", UpdateAnnotation.Destructive)]
    [InlineData("spec.groups[app].tasks[0].config.args[1]", UpdateAnnotation.Destructive)]
    [InlineData("spec.groups[app].tasks[main].meta.team", UpdateAnnotation.InPlace)]
    [InlineData("spec.groups[app].network.ports[db].to", UpdateAnnotation.Destructive)]
    [InlineData("spec.groups[app].constraints[0].value", UpdateAnnotation.InPlace)]
    [InlineData("spec.groups[app].count", UpdateAnnotation.InPlace)]
    [InlineData("spec.priority", UpdateAnnotation.InPlace)]
    public void A_path_is_annotated_by_its_group_and_task_field(string path, string expected) =>
        UpdateAnnotation.For(path).Should().Be(expected);

    [Fact]
    public void Every_field_of_the_rule_is_a_field_of_a_task_group_or_a_task()
    {
        static IEnumerable<string> Fields(Type type) => type.GetProperties().Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        DestructiveFields.Group.Should().BeSubsetOf(Fields(typeof(TaskGroup)));
        DestructiveFields.InPlaceTaskFields.Should().BeSubsetOf(Fields(typeof(JobTask)));
    }
}
