using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// The local authorization list (D01/D02): the CSMS's list of tokens and their verdicts, with its
/// version (0: no list). A Full update replaces it, a Differential one adds, changes or (without
/// idTokenInfo) removes entries. Tokens match ignoring case, as idTokens do. Thread-safe.
/// </summary>
internal sealed class LocalAuthList
{
    private readonly Lock _sync = new();
    private readonly Dictionary<(IdTokenType, string), IdTokenInfo> _entries = [];

    private int _version;

    public int Version
    {
        get
        {
            lock (_sync)
                return _version;
        }
    }

    public int Count
    {
        get
        {
            lock (_sync)
                return _entries.Count;
        }
    }

    public IdTokenInfo? Find(IdToken idToken)
    {
        lock (_sync)
            return _entries.GetValueOrDefault(Key(idToken));
    }

    /// <summary>Applies an update the caller has checked; a Differential one must be newer than the list: else false (VersionMismatch).</summary>
    public bool Apply(SendLocalListRequest update)
    {
        lock (_sync)
        {
            if (update.UpdateType == UpdateType.Differential && update.VersionNumber <= _version)
                return false;
            if (update.UpdateType == UpdateType.Full)
                _entries.Clear();
            foreach (var entry in update.LocalAuthorizationList ?? [])
            {
                if (entry.IdTokenInfo is { } info)
                    _entries[Key(entry.IdToken)] = info;
                else
                    _entries.Remove(Key(entry.IdToken));
            }

            _version = update.VersionNumber;
            return true;
        }
    }

    private static (IdTokenType, string) Key(IdToken idToken) => (idToken.Type, idToken.Token.ToUpperInvariant());
}
