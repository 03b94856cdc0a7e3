using Reconciler.Evaluations;
using Reconciler.Resources.Model;

namespace Reconciler.Tests.Evaluations;

public sealed class EvaluationBrokerTests
{
    private static readonly ResourceKey Blocked = new("Evaluation", "default", "web-v1-blocked");

    [Fact]
    public void An_evaluation_enqueued_again_while_handed_out_is_handed_out_again_after_its_ack()
    {
        var broker = new EvaluationBroker();
        broker.Enqueue(Blocked, "default/web", 50);
        broker.TryDequeue(out var first).Should().BeTrue();

        broker.Enqueue(Blocked, "default/web", 50);
        broker.TryDequeue(out _).Should().BeFalse("the job is still being scheduled");
        broker.Ack(first, "default/web");

        broker.TryDequeue(out var again).Should().BeTrue();
        again.Should().Be(Blocked);
        broker.Ack(again, "default/web");
        broker.Count.Should().Be(0);
    }

    [Fact]
    public void An_evaluation_enqueued_twice_while_waiting_is_handed_out_once()
    {
        var broker = new EvaluationBroker();
        broker.Enqueue(Blocked, "default/web", 50);
        broker.Enqueue(Blocked, "default/web", 50);

        broker.TryDequeue(out var first).Should().BeTrue();
        broker.Ack(first, "default/web");

        broker.TryDequeue(out _).Should().BeFalse();
    }
}
