using Reconciler.Reconciliation;
using Reconciler.Resources.Model;
using Reconciler.Tests.Fixtures;

namespace Reconciler.Tests.Reconciliation;

public class ResourceConditionsTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Marking_ready_sets_the_three_conditions_and_the_observed_generation()
    {
        var gizmo = Gizmo.Create("a") with { Metadata = Gizmo.Create("a").Metadata with { Generation = 3 } };

        var ready = ResourceConditions.MarkReady(gizmo, "Converged", "all good", T0);

        ready.Status.ObservedGeneration.Should().Be(3);
        ready.Status.Conditions.Select(c => (c.Type, c.Status)).Should().BeEquivalentTo(new[]
        {
            (ResourceConditions.Ready, ConditionStatus.True),
            (ResourceConditions.Reconciling, ConditionStatus.False),
            (ResourceConditions.Stalled, ConditionStatus.False),
        });
        ResourceConditions.IsReady(ready).Should().BeTrue();
    }

    [Fact]
    public void A_condition_keeps_its_transition_time_until_its_status_changes()
    {
        var gizmo = ResourceConditions.MarkReconciling(Gizmo.Create("a"), "Working", "starting", T0);

        var still = ResourceConditions.MarkReconciling(gizmo, "Working", "still", T0.AddMinutes(1));
        var stalled = ResourceConditions.MarkStalled(still, "Broken", "gave up", T0.AddMinutes(2));

        ResourceConditions.Find(still.Status, ResourceConditions.Reconciling)!.LastTransitionTime.Should().Be(T0);
        ResourceConditions.Find(stalled.Status, ResourceConditions.Stalled)!.LastTransitionTime.Should().Be(T0.AddMinutes(2));
        ResourceConditions.Find(stalled.Status, ResourceConditions.Ready)!.LastTransitionTime.Should().Be(T0);
        stalled.Status.Should().BeOfType<GizmoStatus>();
    }

    [Fact]
    public void An_object_whose_spec_moved_on_is_not_ready()
    {
        var ready = ResourceConditions.MarkReady(Gizmo.Create("a"), "Converged", "", T0);

        var newer = ready with { Metadata = ready.Metadata with { Generation = ready.Metadata.Generation + 1 } };

        ResourceConditions.IsReady(newer).Should().BeFalse();
    }
}
