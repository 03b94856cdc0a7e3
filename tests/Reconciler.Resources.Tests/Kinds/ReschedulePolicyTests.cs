using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;

namespace Reconciler.Resources.Tests.Kinds;

public sealed class ReschedulePolicyTests
{
    private static ManifestReadResult Read(string type, string reschedule) => ManifestReader.Default.Read($$"""
        apiVersion: recon/v1
        kind: Job
        metadata: { name: j }
        spec:
          type: {{type}}
          groups:
            - name: g
              reschedule: {{reschedule}}
              tasks: [{ name: t, driver: exec }]
        """, "job.yaml");

    private static ReschedulePolicy PolicyOf(string type, string reschedule)
    {
        var result = Read(type, reschedule);
        result.Errors.Should().BeEmpty(string.Join(Environment.NewLine, result.Errors));
        return ((Job)result.Resources.Single()).Spec.Groups[0].Reschedule!;
    }

    [Fact]
    public void A_partial_reschedule_block_keeps_the_job_types_defaults_for_the_fields_it_leaves_out()
    {
        PolicyOf("service", "{ delay: 10s }").Should().Be(JobDefaults.RescheduleFor(JobType.Service)! with { Delay = TimeSpan.FromSeconds(10) });
        PolicyOf("batch", "{ delayFunction: fibonacci, maxDelay: 1m }").Should().Be(JobDefaults.RescheduleFor(JobType.Batch)! with
        {
            DelayFunction = DelayFunction.Fibonacci, MaxDelay = TimeSpan.FromMinutes(1),
        });
    }

    [Fact]
    public void Writing_attempts_on_a_service_job_limits_it_instead_of_being_ignored_under_the_unlimited_default()
    {
        var policy = PolicyOf("service", "{ attempts: 3, interval: 1h }");

        policy.Unlimited.Should().BeFalse();
        policy.Attempts.Should().Be(3);
        policy.Delay.Should().Be(TimeSpan.FromSeconds(30), "the service default still applies");
    }

    [Fact]
    public void An_explicit_unlimited_wins_over_written_attempts()
    {
        PolicyOf("service", "{ attempts: 3, interval: 1h, unlimited: true }").Unlimited.Should().BeTrue();
    }

    [Theory]
    [InlineData("{ delay: 1m, maxDelay: 30s }", "spec.groups[0].reschedule.maxDelay", "maxDelay (30s) must be at least delay (1m) for the exponential delay function")]
    [InlineData("{ attempts: 2, interval: 0s }", "spec.groups[0].reschedule.interval", "2 reschedule attempts need an interval to be counted in")]
    public void A_contradictory_reschedule_block_is_an_error_naming_the_field(string reschedule, string path, string message)
    {
        var result = Read("service", reschedule);

        result.Resources.Should().BeEmpty();
        result.Errors.Should().ContainSingle().Which.Should().Match<Reconciler.Resources.Diagnostics.SourceError>(e => e.Path == path && e.Message == message && e.Hint != null);
    }

    [Fact]
    public void A_constant_delay_needs_no_ceiling()
    {
        PolicyOf("service", "{ delay: 1m, delayFunction: constant, maxDelay: 0s }").DelayFunction.Should().Be(DelayFunction.Constant);
    }
}
