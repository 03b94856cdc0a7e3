namespace Reconciler.Host.Api.Security;

/// <summary>What a request needs from the caller's token, computed from the route alone (<see cref="AclRouteRules"/>).</summary>
public abstract record AclRequirement
{
    /// <summary>Nothing: the route is public or guards itself (the node-facing API, bootstrap).</summary>
    public static AclRequirement Open { get; } = new OpenRequirement();

    /// <summary>A known token of any kind (<c>/v1/acl/token/self</c>).</summary>
    public static AclRequirement AnyToken { get; } = new AnyTokenRequirement();

    /// <summary>A management token (ACL administration).</summary>
    public static AclRequirement Management { get; } = new ManagementRequirement();

    /// <summary>
    /// Checked by the handler against every object the body names (<c>/v1/apply</c>, <c>/v1/delete</c>) or it sends
    /// (<c>/v1/event/stream</c>, which leaves out the events the caller may not list).
    /// </summary>
    public static AclRequirement PerObject { get; } = new PerObjectRequirement();

    /// <summary>True when <paramref name="permissions"/> meet it; a per-object requirement is met here and checked later.</summary>
    public abstract bool IsMetBy(AclPermissions permissions, bool anonymous);

    /// <summary>What is missing, for the refusal: e.g. <c>submit-job on namespace default</c>.</summary>
    public abstract string Describe();

    private sealed record OpenRequirement : AclRequirement
    {
        public override bool IsMetBy(AclPermissions permissions, bool anonymous) => true;

        public override string Describe() => "nothing";
    }

    private sealed record AnyTokenRequirement : AclRequirement
    {
        public override bool IsMetBy(AclPermissions permissions, bool anonymous) => !anonymous;

        public override string Describe() => "a token";
    }

    private sealed record ManagementRequirement : AclRequirement
    {
        public override bool IsMetBy(AclPermissions permissions, bool anonymous) => permissions.IsManagement;

        public override string Describe() => "a management token";
    }

    private sealed record PerObjectRequirement : AclRequirement
    {
        public override bool IsMetBy(AclPermissions permissions, bool anonymous) => true;

        public override string Describe() => "the capabilities of each object";
    }
}
