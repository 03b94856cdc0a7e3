using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Resources;
using Reconciler.Host.Api.Security;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Tests.Api.Acl;

public sealed class AclRouteRulesTests
{
    private readonly AclRouteRules _rules = new(new KindRoutes(ResourceKindRegistry.CreateDefault()).Find);

    private AclRequirement For(string method, string path, string? ns = null) => _rules.For(new ApiRequest("t", method, path, ns));

    [Theory]
    [InlineData("GET", "/v1/jobs", null, AclCapabilities.ListJobs, "default")]
    [InlineData("GET", "/v1/jobs", "*", AclCapabilities.ListJobs, null)]
    [InlineData("GET", "/v1/jobs/web", "dev", AclCapabilities.ReadJob, "dev")]
    [InlineData("PUT", "/v1/jobs/web", null, AclCapabilities.SubmitJob, "default")]
    [InlineData("POST", "/v1/job/web/register", "dev", AclCapabilities.SubmitJob, "dev")]
    [InlineData("POST", "/v1/job/web/scale", null, AclCapabilities.ScaleJob, "default")]
    [InlineData("GET", "/v1/job/web/allocations", null, AclCapabilities.ReadJob, "default")]
    [InlineData("DELETE", "/v1/job/web", null, AclCapabilities.SubmitJob, "default")]
    [InlineData("POST", "/v1/allocation/ab12/restart", null, AclCapabilities.AllocLifecycle, "default")]
    [InlineData("GET", "/v1/client/allocation/ab12/logs", null, AclCapabilities.ReadLogs, "default")]
    [InlineData("GET", "/v1/client/allocation/ab12/exec", null, AclCapabilities.AllocExec, "default")]
    [InlineData("PUT", "/v1/secrets/db", "dev", AclCapabilities.WriteSecret, "dev")]
    [InlineData("GET", "/v1/volumes", null, AclCapabilities.HostVolumeRead, "default")]
    public void Namespaced_routes_need_a_capability_in_their_namespace(string method, string path, string? ns, string capability, string? expectedNamespace)
    {
        For(method, path, ns).Should().Be(new CapabilityRequirement(capability, expectedNamespace));
    }

    [Fact]
    public void Nodes_operator_and_acl_routes_need_levels_or_management()
    {
        For("GET", "/v1/nodes").Should().Be(new LevelRequirement(AclScope.Node, AclLevel.Read));
        For("POST", "/v1/node/n1/drain").Should().Be(new LevelRequirement(AclScope.Node, AclLevel.Write));
        For("GET", "/v1/operator/snapshot").Should().Be(new LevelRequirement(AclScope.Operator, AclLevel.Write));
        For("GET", "/v1/acl/tokens").Should().Be(AclRequirement.Management);
        For("GET", "/v1/acltokens").Should().Be(AclRequirement.Management);
        For("PUT", "/v1/namespaces/dev").Should().Be(AclRequirement.Management);
        For("GET", "/v1/acl/token/self").Should().Be(AclRequirement.AnyToken);
    }

    [Fact]
    public void The_node_facing_api_bootstrap_and_manifests_are_left_to_their_own_checks()
    {
        For("POST", "/v1/internal/store/commit").Should().Be(AclRequirement.Open);
        For("POST", "/v1/acl/bootstrap").Should().Be(AclRequirement.Open);
        For("GET", "/v1/namespaces").Should().Be(AclRequirement.Open);
        For("POST", "/v1/apply").Should().Be(AclRequirement.PerObject);
    }
}
