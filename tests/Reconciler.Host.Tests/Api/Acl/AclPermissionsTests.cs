using Reconciler.Host.Api.Security;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Tests.Api.Acl;

public sealed class AclPermissionsTests
{
    private static AclNamespaceRule Rule(string name, AclLevel? policy = null, params string[] capabilities) =>
        new() { Name = name, Policy = policy, Capabilities = capabilities };

    private static AclPermissions Of(params AclPolicySpec[] policies) => AclPermissions.Of(policies);

    [Fact]
    public void A_trailing_glob_covers_the_namespaces_with_its_prefix_and_no_others()
    {
        var permissions = Of(new AclPolicySpec { Namespaces = [Rule("dev-*", AclLevel.Write)] });

        permissions.Allows("dev-a", AclCapabilities.SubmitJob).Should().BeTrue();
        permissions.Allows("dev-", AclCapabilities.ReadJob).Should().BeTrue();
        permissions.Allows("default", AclCapabilities.ReadJob).Should().BeFalse();
        permissions.Allows("prod-dev-a", AclCapabilities.ReadJob).Should().BeFalse();
    }

    [Fact]
    public void Read_grants_reading_but_not_submitting_and_explicit_capabilities_add_to_it()
    {
        var permissions = Of(new AclPolicySpec { Namespaces = [Rule("default", AclLevel.Read, AclCapabilities.ReadLogs)] });

        permissions.Allows("default", AclCapabilities.ListJobs).Should().BeTrue();
        permissions.Allows("default", AclCapabilities.ReadLogs).Should().BeTrue();
        permissions.Allows("default", AclCapabilities.SubmitJob).Should().BeFalse();
        permissions.Allows("default", AclCapabilities.AllocExec).Should().BeFalse();
    }

    [Fact]
    public void An_exact_rule_beats_a_glob_and_a_longer_glob_beats_a_shorter_one()
    {
        var permissions = Of(
            new AclPolicySpec { Namespaces = [Rule("*", AclLevel.Read), Rule("prod-*", AclLevel.Write)] },
            new AclPolicySpec { Namespaces = [Rule("prod-db", AclLevel.Deny)] });

        permissions.Allows("prod-web", AclCapabilities.SubmitJob).Should().BeTrue("prod-* is closer than *");
        permissions.Allows("staging", AclCapabilities.SubmitJob).Should().BeFalse("* only reads");
        permissions.Allows("prod-db", AclCapabilities.ReadJob).Should().BeFalse("the exact rule denies");
    }

    [Fact]
    public void Deny_wins_over_a_grant_of_another_policy_for_the_same_namespace()
    {
        var permissions = Of(
            new AclPolicySpec { Namespaces = [Rule("default", AclLevel.Write)], Node = AclLevel.Write },
            new AclPolicySpec { Namespaces = [Rule("default", null, AclCapabilities.Deny)], Node = AclLevel.Deny });

        permissions.Allows("default", AclCapabilities.ReadJob).Should().BeFalse();
        permissions.AllowsSomewhere(AclCapabilities.ReadJob).Should().BeFalse();
        permissions.Allows(AclScope.Node, AclLevel.Read).Should().BeFalse();
    }

    [Fact]
    public void Grants_of_several_policies_add_up_and_levels_take_the_highest()
    {
        var permissions = Of(
            new AclPolicySpec { Namespaces = [Rule("default", null, AclCapabilities.ReadJob)], Node = AclLevel.Read },
            new AclPolicySpec { Namespaces = [Rule("default", null, AclCapabilities.ScaleJob)], Node = AclLevel.Write, Operator = AclLevel.Read });

        permissions.Allows("default", AclCapabilities.ReadJob).Should().BeTrue();
        permissions.Allows("default", AclCapabilities.ScaleJob).Should().BeTrue();
        permissions.Allows(AclScope.Node, AclLevel.Write).Should().BeTrue();
        permissions.Allows(AclScope.Operator, AclLevel.Write).Should().BeFalse();
        permissions.Allows(AclScope.Agent, AclLevel.Read).Should().BeFalse("no policy mentions agent");
    }

    [Fact]
    public void Management_allows_everything_and_no_policies_allow_nothing()
    {
        AclPermissions.Management.Allows("any", AclCapabilities.AllocExec).Should().BeTrue();
        AclPermissions.Management.Allows(AclScope.Operator, AclLevel.Write).Should().BeTrue();
        AclPermissions.None.Allows("default", AclCapabilities.ListJobs).Should().BeFalse();
        AclPermissions.None.AllowsSomewhere(AclCapabilities.ListJobs).Should().BeFalse();
    }
}
