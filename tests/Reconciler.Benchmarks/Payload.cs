using Reconciler.Resources.Model;

namespace Reconciler.Benchmarks;

/// <summary>A benchmark kind whose objects serialize to about 1 KiB as stored (with the metadata the store stamps).</summary>
[Kind("Payload")]
public sealed record Payload : Resource<PayloadSpec, ResourceStatus>
{
    private static readonly string Filler = new('x', 780);

    public static Payload Create(string name, int sequence) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "bench" } },
        Spec = new PayloadSpec { Sequence = sequence, Data = Filler },
    };
}

public sealed record PayloadSpec
{
    public int Sequence { get; init; }

    public string Data { get; init; } = "";
}
