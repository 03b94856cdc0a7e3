using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Validation;

/// <summary>
/// What every object goes through before it may be stored, as Kubernetes admission does: defaulting,
/// then validation. Metadata rules and data annotations ([Required], [Range], …) apply to every kind;
/// per-kind validators and defaulters are registered here, so a host's custom kind gets the same
/// treatment as Job by registering its own.
/// </summary>
public sealed class ResourceAdmission
{
    private readonly Lock _gate = new();
    private Registration[] _registrations = [];

    /// <summary>An admission with the built-in kinds' validators and defaulters.</summary>
    public static ResourceAdmission CreateDefault() => new ResourceAdmission()
        .AddDefaulter(new JobDefaults())
        .AddValidator(new JobValidator())
        .AddValidator(new SecretValidator())
        .AddValidator(new VolumeValidator())
        .AddValidator(new AclPolicyValidator())
        .AddValidator(new AclTokenValidator());

    /// <summary>The process-wide admission with the built-in rules; hosts may add their own to it.</summary>
    public static ResourceAdmission Default { get; } = CreateDefault();

    /// <summary>Adds a validator that runs for every object of kind <typeparamref name="T"/>.</summary>
    public ResourceAdmission AddValidator<T>(IResourceValidator<T> validator) where T : Resource
    {
        ArgumentNullException.ThrowIfNull(validator);
        return Add(new Registration(typeof(T), (r, report) => validator.Validate((T)r, report), null));
    }

    /// <summary>Adds a defaulter that runs for every object of kind <typeparamref name="T"/>, in registration order.</summary>
    public ResourceAdmission AddDefaulter<T>(IResourceDefaulter<T> defaulter) where T : Resource
    {
        ArgumentNullException.ThrowIfNull(defaulter);
        return Add(new Registration(typeof(T), null, r => defaulter.ApplyDefaults((T)r)));
    }

    /// <summary>Every problem of <paramref name="resource"/> as written (before defaults), by field path.</summary>
    public IReadOnlyList<FieldError> Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var report = new ValidationReport();
        MetadataValidator.Validate(resource, report);
        AnnotationValidator.Validate(resource, report);
        foreach (var registration in Matching(resource))
            registration.Validate?.Invoke(resource, report);
        return report.Errors;
    }

    /// <summary>A copy of <paramref name="resource"/> with its namespace and kind-specific defaults filled in.</summary>
    public Resource ApplyDefaults(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var info = KindInfo.Of(resource.GetType());
        if (!info.ClusterScoped && string.IsNullOrEmpty(resource.Metadata.Namespace))
            resource = resource.WithMetadata(resource.Metadata with { Namespace = ObjectMeta.DefaultNamespace });
        foreach (var registration in Matching(resource))
            if (registration.ApplyDefaults is { } apply) resource = apply(resource);
        return resource;
    }

    private ResourceAdmission Add(Registration registration)
    {
        lock (_gate) _registrations = [.. _registrations, registration];
        return this;
    }

    private IEnumerable<Registration> Matching(Resource resource) =>
        Volatile.Read(ref _registrations).Where(r => r.Type.IsInstanceOfType(resource));

    private sealed record Registration(
        Type Type,
        Action<Resource, ValidationReport>? Validate,
        Func<Resource, Resource>? ApplyDefaults);
}
