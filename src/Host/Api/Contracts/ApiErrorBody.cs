using System.Text.Json.Nodes;

namespace Reconciler.Host.Api.Contracts;

/// <summary>The body of every error response: <c>{"error":{"code","message","details"}}</c>.</summary>
/// <param name="Error">What went wrong.</param>
public sealed record ApiErrorBody(ApiErrorInfo Error);

/// <summary>One error: a stable code for programs, a sentence for people, and optional structured details.</summary>
/// <param name="Code">A stable name, e.g. <c>NotFound</c>, <c>Conflict</c>, <c>Invalid</c>.</param>
/// <param name="Message">What happened and what to do, for people. Never carries a secret value.</param>
/// <param name="Details">Structured extras, e.g. the field errors of an invalid manifest or the current index of a conflict.</param>
public sealed record ApiErrorInfo(string Code, string Message, JsonObject? Details = null);
