namespace Reconciler.Host.Api.Errors;

/// <summary>The stable <c>error.code</c> values, after Kubernetes' status reasons.</summary>
public static class ApiErrorCodes
{
    /// <summary>400: malformed request.</summary>
    public const string BadRequest = "BadRequest";
    /// <summary>400: a manifest or object failed validation; details list every error.</summary>
    public const string Invalid = "Invalid";
    /// <summary>403: the authorizer refused the token.</summary>
    public const string Forbidden = "Forbidden";
    /// <summary>403: the ACL token (or its absence) does not allow the request; the message names the missing capability.</summary>
    public const string PermissionDenied = "permission_denied";
    /// <summary>404: no such object.</summary>
    public const string NotFound = "NotFound";
    /// <summary>404: no such route or kind; the message lists what exists.</summary>
    public const string UnknownRoute = "UnknownRoute";
    /// <summary>409: a stale index, or a delete the state does not allow.</summary>
    public const string Conflict = "Conflict";
    /// <summary>410: the requested index was compacted away.</summary>
    public const string Gone = "Gone";
    /// <summary>413: the request body is over the limit.</summary>
    public const string PayloadTooLarge = "PayloadTooLarge";
    /// <summary>500: a fault of the agent; the agent's log has the details.</summary>
    public const string Internal = "Internal";
}
