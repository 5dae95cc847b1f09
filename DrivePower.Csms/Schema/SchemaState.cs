using DrivePower.Migrations;

namespace DrivePower.Csms.Schema;

/// <summary>The newest migration applied to the database (null: none) against the one the code needs.</summary>
public sealed record SchemaState(long? Applied)
{
    public static long Required => RequiredSchema.Version;

    public bool IsBehind => Applied is null || Applied < Required;

    /// <summary>What an operator reads in <c>/health</c>, the start-up log and the operator API's 503.</summary>
    public string Description => Applied switch
    {
        null => $"The database has no migrations applied; the code needs up to migration {Required} ({RequiredSchema.Name}). Run DrivePower.Migrations (up).",
        var applied when applied < Required =>
            $"The database schema is behind the code: migration {Required} ({RequiredSchema.Name}) is not applied (the newest applied is {applied}). Run DrivePower.Migrations (up).",
        var applied when applied > Required =>
            $"The database schema is at migration {applied}, newer than the {Required} the code needs.",
        _ => $"The database schema is at migration {Required} ({RequiredSchema.Name}), as the code needs.",
    };
}
