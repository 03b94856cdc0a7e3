using Reconciler.Resources.Validation;

namespace Reconciler.Examples.Greetings;

/// <summary>A greeting says something, briefly.</summary>
public sealed class GreetingValidator : IResourceValidator<Greeting>
{
    /// <summary>The longest message accepted.</summary>
    public const int MaxLength = 200;

    /// <inheritdoc />
    public void Validate(Greeting resource, ValidationReport report)
    {
        if (string.IsNullOrWhiteSpace(resource.Spec.Message))
            report.Add("spec.message", "a greeting needs a message", "write what the file should say, e.g. message: Hello");
        else if (resource.Spec.Message.Length > MaxLength)
            report.Add("spec.message", $"the message is {resource.Spec.Message.Length} characters; at most {MaxLength} are allowed");
    }
}
