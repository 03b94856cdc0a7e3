using Reconciler.Client.Health;
using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Client.Health;

public sealed class TaskChecksTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_check_keeps_the_time_it_took_its_status_while_the_status_holds()
    {
        var checks = new TaskChecks();

        checks.Record([new CheckRun("http", CheckType.Http, "GET / answered 500"), new CheckRun("tcp", CheckType.Tcp, null)], T0);
        checks.Record([new CheckRun("http", CheckType.Http, null), new CheckRun("tcp", CheckType.Tcp, null)], T0.AddSeconds(10));
        checks.Record([new CheckRun("http", CheckType.Http, null), new CheckRun("tcp", CheckType.Tcp, null)], T0.AddSeconds(20));

        checks.Results.Select(r => (r.Name, r.Kind, r.Status, r.Output, r.Since)).Should().Equal(
            ("http", CheckType.Http, CheckStatus.Passing, null, T0.AddSeconds(10)),
            ("tcp", CheckType.Tcp, CheckStatus.Passing, null, T0));
        checks.PassingSince.Should().Be(T0.AddSeconds(10));
    }

    [Fact]
    public void A_failing_check_reports_critical_with_a_bounded_output_and_clears_passing_since()
    {
        var checks = new TaskChecks();
        checks.Record([new CheckRun("script", CheckType.Script, null)], T0);

        checks.Record([new CheckRun("script", CheckType.Script, new string('x', 1000))], T0.AddSeconds(5));

        var result = checks.Results.Single();
        result.Status.Should().Be(CheckStatus.Critical);
        result.Since.Should().Be(T0.AddSeconds(5));
        result.Output!.Length.Should().Be(CheckResult.MaxOutputLength);
        checks.PassingSince.Should().BeNull();
    }

    [Fact]
    public void Checks_default_to_names_from_their_service_type_and_position()
    {
        var task = new JobTask
        {
            Name = "app",
            Services =
            [
                new TaskService { Name = "web", Checks = [new ServiceCheck { Type = CheckType.Http }, new ServiceCheck { Name = "ready", Type = CheckType.Script }] },
                new TaskService { Name = "admin", Checks = [new ServiceCheck { Type = CheckType.Tcp }] },
            ],
        };

        ServiceChecks.Of(task).Select(c => c.Name).Should().Equal("web.http.0", "ready", "admin.tcp.2");
    }
}
