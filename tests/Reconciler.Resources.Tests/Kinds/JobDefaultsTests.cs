using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;

namespace Reconciler.Resources.Tests.Kinds;

public sealed class JobDefaultsTests
{
    private static Job ReadJob(string type, string groupExtra = "", string specExtra = "")
    {
        var yaml = $"""
            apiVersion: recon/v1
            kind: Job
            metadata: {"{ name: j }"}
            spec:
              type: {type}
            {specExtra}
              groups:
                - name: g
            {groupExtra}
                  tasks: [{"{ name: t, driver: exec }"}]
            """;
        var result = ManifestReader.Default.Read(yaml, "job.yaml");
        result.Errors.Should().BeEmpty(string.Join(Environment.NewLine, result.Errors));
        return (Job)result.Resources.Single();
    }

    [Fact]
    public void A_minimal_service_job_gets_nomads_defaults()
    {
        var job = ReadJob("service");
        var group = job.Spec.Groups[0];

        job.Metadata.Namespace.Should().Be("default");
        job.Spec.Priority.Should().Be(50);
        job.Spec.Datacenters.Should().Equal("*");
        group.Count.Should().Be(1);
        group.Tasks[0].Resources.Should().Be(new TaskResources { Cpu = 100, MemoryMB = 300 });
        group.Update.Should().Be(JobDefaults.Update);
        job.Spec.Update.Should().Be(new UpdateStrategy
        {
            MaxParallel = 1, MaxSurge = 0, Stagger = TimeSpan.Zero, MinHealthyTime = TimeSpan.FromSeconds(10),
            HealthyDeadline = TimeSpan.FromMinutes(5), ProgressDeadline = TimeSpan.FromMinutes(10), Canary = 0,
            AutoPromote = false, AutoRevert = false, HealthCheck = HealthCheckMode.Checks,
        });
        group.Restart.Should().Be(new RestartPolicy { Attempts = 2, Interval = TimeSpan.FromMinutes(30), Delay = TimeSpan.FromSeconds(15), Mode = RestartMode.Fail });
        group.Reschedule.Should().Be(new ReschedulePolicy
        {
            Attempts = 0, Interval = TimeSpan.Zero, Delay = TimeSpan.FromSeconds(30),
            DelayFunction = DelayFunction.Exponential, MaxDelay = TimeSpan.FromHours(1), Unlimited = true,
        });
    }

    [Fact]
    public void A_batch_job_gets_the_batch_restart_and_reschedule_defaults()
    {
        var group = ReadJob("batch").Spec.Groups[0];

        group.Restart.Should().Be(new RestartPolicy { Attempts = 3, Interval = TimeSpan.FromHours(24), Delay = TimeSpan.FromSeconds(15), Mode = RestartMode.Fail });
        group.Reschedule.Should().BeEquivalentTo(new
        {
            Attempts = 1, Interval = TimeSpan.FromHours(24), Delay = TimeSpan.FromSeconds(5),
            DelayFunction = DelayFunction.Constant, Unlimited = false,
        });
    }

    [Fact]
    public void A_system_job_restarts_like_a_service_and_is_never_rescheduled()
    {
        var group = ReadJob("system").Spec.Groups[0];

        group.Restart.Should().Be(JobDefaults.RestartFor(JobType.Service));
        group.Reschedule.Should().BeNull();
    }

    [Fact]
    public void Only_system_jobs_wait_nomads_30s_stagger_between_update_steps_by_default()
    {
        ReadJob("system").Spec.Groups[0].Update!.Stagger.Should().Be(TimeSpan.FromSeconds(30));
        ReadJob("service").Spec.Groups[0].Update!.Stagger.Should().Be(TimeSpan.Zero);
        ReadJob("system", groupExtra: "      update: { stagger: 5s }").Spec.Groups[0].Update!.Stagger.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_partial_restart_block_keeps_the_job_types_defaults_for_the_fields_it_leaves_out()
    {
        var group = ReadJob("batch", groupExtra: "      restart: { attempts: 0 }").Spec.Groups[0];

        group.Restart.Should().Be(JobDefaults.RestartFor(JobType.Batch) with { Attempts = 0 });
    }

    [Fact]
    public void A_group_update_block_overrides_the_jobs_field_by_field()
    {
        var job = ReadJob("service",
            groupExtra: "      update: { canary: 1 }",
            specExtra: "  update: { maxParallel: 3, stagger: 1m }");

        job.Spec.Update!.MaxParallel.Should().Be(3);
        job.Spec.Groups[0].Update.Should().Be(JobDefaults.Update with { MaxParallel = 3, Stagger = TimeSpan.FromMinutes(1), Canary = 1 });
    }

    [Fact]
    public void Applying_defaults_twice_changes_nothing()
    {
        var job = ReadJob("batch", groupExtra: "      restart: { delay: 1m }");

        new JobDefaults().ApplyDefaults(job).ShouldEqualByJson(job);
    }
}
