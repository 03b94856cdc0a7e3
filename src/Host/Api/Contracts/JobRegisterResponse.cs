namespace Reconciler.Host.Api.Contracts;

/// <summary>The answer to <c>POST /v1/job/{name}/register</c> (<c>recon job run</c>).</summary>
/// <param name="Job">The job's key, e.g. <c>Job/default/redis</c>.</param>
/// <param name="EvaluationId">The evaluation the register caused, to monitor.</param>
/// <param name="JobModifyIndex">The job's modify index after the write (its version; see JobModifyIndex).</param>
/// <param name="JobVersion">The job's version (metadata.generation).</param>
/// <param name="Changed">Whether the spec changed; an unchanged job gets a fresh evaluation all the same, as in Nomad.</param>
public sealed record JobRegisterResponse(string Job, string EvaluationId, long JobModifyIndex, long JobVersion, bool Changed);
