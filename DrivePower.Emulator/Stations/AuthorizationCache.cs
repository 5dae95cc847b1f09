using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// The authorization cache (C10): the CSMS's latest verdict per idToken (matched ignoring case, as
/// idTokens are), from Authorize and TransactionEvent answers; ClearCache empties it. Thread-safe.
/// </summary>
internal sealed class AuthorizationCache
{
    private readonly Lock _sync = new();
    private readonly Dictionary<(IdTokenType Type, string Token), IdTokenInfo> _verdicts = [];

    public void Store(IdToken idToken, IdTokenInfo verdict)
    {
        lock (_sync)
            _verdicts[Key(idToken)] = verdict;
    }

    /// <summary>The cached status: Expired once its cacheExpiryDateTime has passed; null when the token is not cached.</summary>
    public AuthorizationStatus? Find(IdToken idToken, DateTimeOffset now)
    {
        lock (_sync)
        {
            if (!_verdicts.TryGetValue(Key(idToken), out var verdict))
                return null;
            return verdict.CacheExpiryDateTime is { } expiry && expiry <= now ? AuthorizationStatus.Expired : verdict.Status;
        }
    }

    /// <summary>The group the CSMS last said the token belongs to, if any.</summary>
    public IdToken? GroupOf(IdToken idToken)
    {
        lock (_sync)
            return _verdicts.TryGetValue(Key(idToken), out var verdict) ? verdict.GroupIdToken : null;
    }

    /// <summary>The cached verdict itself, for a CustomerInformation report; null when not cached.</summary>
    public IdTokenInfo? Entry(IdToken idToken)
    {
        lock (_sync)
            return _verdicts.GetValueOrDefault(Key(idToken));
    }

    /// <summary>Forgets one token (CustomerInformation with clear); false when it was not cached.</summary>
    public bool Remove(IdToken idToken)
    {
        lock (_sync)
            return _verdicts.Remove(Key(idToken));
    }

    public void Clear()
    {
        lock (_sync)
            _verdicts.Clear();
    }

    private static (IdTokenType, string) Key(IdToken idToken) => (idToken.Type, idToken.Token.ToUpperInvariant());
}
