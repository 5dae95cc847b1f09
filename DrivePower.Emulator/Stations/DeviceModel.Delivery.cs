using System.Globalization;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// How the station delivers transaction messages (E13) and authorizes while the CSMS cannot answer:
/// OCPPCommCtrlr.MessageAttempts / MessageAttemptInterval (instance TransactionEvent, as the spec
/// names them; also found without the instance) and AuthCtrlr.LocalAuthorizeOffline /
/// OfflineTxForUnknownIdEnabled. All read-write through SetVariables.
/// </summary>
internal sealed partial class DeviceModel
{
    public const int DefaultMessageAttempts = 5;
    public static readonly TimeSpan DefaultMessageAttemptInterval = TimeSpan.FromSeconds(10);

    private const string TransactionEventInstance = "TransactionEvent";

    private int _messageAttempts = DefaultMessageAttempts;
    private TimeSpan _messageAttemptInterval = DefaultMessageAttemptInterval;
    private bool _localAuthorizeOffline = true;
    private bool _offlineTxForUnknownIdEnabled;
    private bool _authorizeRemoteStart;

    /// <summary>How many times in all a transaction message is sent before it is given up (at least 1).</summary>
    public int MessageAttempts
    {
        get { lock (_sync) return _messageAttempts; }
        private set { lock (_sync) _messageAttempts = value; }
    }

    /// <summary>The wait before a retry, times the attempts made so far.</summary>
    public TimeSpan MessageAttemptInterval
    {
        get { lock (_sync) return _messageAttemptInterval; }
        private set { lock (_sync) _messageAttemptInterval = value; }
    }

    /// <summary>Offline, a token the cache holds as Accepted starts a transaction.</summary>
    public bool LocalAuthorizeOffline
    {
        get { lock (_sync) return _localAuthorizeOffline; }
        private set { lock (_sync) _localAuthorizeOffline = value; }
    }

    /// <summary>Offline, a token the station does not know starts a transaction too.</summary>
    public bool OfflineTxForUnknownIdEnabled
    {
        get { lock (_sync) return _offlineTxForUnknownIdEnabled; }
        private set { lock (_sync) _offlineTxForUnknownIdEnabled = value; }
    }

    /// <summary>A remote start's token is authorized first, like a local one.</summary>
    public bool AuthorizeRemoteStart
    {
        get { lock (_sync) return _authorizeRemoteStart; }
        private set { lock (_sync) _authorizeRemoteStart = value; }
    }

    private Dictionary<string, Entry> CommunicationVariables() => new(StringComparer.Ordinal)
    {
        ["HeartbeatInterval"] = new(() => Seconds(HeartbeatInterval), value => Write(value, 1, interval => HeartbeatInterval = interval)),
        ["MessageAttempts"] = new(() => MessageAttempts.ToString(CultureInfo.InvariantCulture), WriteAttempts,
            TransactionEventInstance, DataType.integer),
        ["MessageAttemptInterval"] = new(() => Seconds(MessageAttemptInterval), value => Write(value, 1, interval => MessageAttemptInterval = interval),
            TransactionEventInstance),
    };

    private Dictionary<string, Entry> AuthorizationVariables() => new(StringComparer.Ordinal)
    {
        ["LocalAuthorizeOffline"] = new(() => Boolean(LocalAuthorizeOffline), value => WriteBoolean(value, on => LocalAuthorizeOffline = on),
            Type: DataType.boolean),
        ["OfflineTxForUnknownIdEnabled"] = new(() => Boolean(OfflineTxForUnknownIdEnabled),
            value => WriteBoolean(value, on => OfflineTxForUnknownIdEnabled = on), Type: DataType.boolean),
        ["LocalPreAuthorize"] = new(() => Boolean(LocalPreAuthorize), value => WriteBoolean(value, on => LocalPreAuthorize = on),
            Type: DataType.boolean),
        ["AuthorizeRemoteStart"] = new(() => Boolean(AuthorizeRemoteStart), value => WriteBoolean(value, on => AuthorizeRemoteStart = on),
            Type: DataType.boolean),
    };

    private bool WriteAttempts(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) || attempts < 1)
            return false;
        MessageAttempts = attempts;
        return true;
    }

    private static string Boolean(bool value) => value ? "true" : "false";

    private static bool WriteBoolean(string value, Action<bool> apply)
    {
        if (!bool.TryParse(value, out var on))
            return false;
        apply(on);
        return true;
    }
}
