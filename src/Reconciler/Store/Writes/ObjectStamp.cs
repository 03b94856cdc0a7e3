namespace Reconciler.Store.Writes;

/// <summary>
/// The store-maintained facts about one current object, kept in memory so a write can be stamped
/// and checked without reading the object back: identity, generation, revision and a digest of the spec.
/// </summary>
internal readonly record struct ObjectStamp(string Uid, DateTimeOffset CreatedAt, long Generation, long ResourceVersion, UInt128 SpecDigest);
