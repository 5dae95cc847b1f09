using System.Globalization;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// LocalAuthListCtrlr: Enabled (RW), Available, Entries (how many tokens the list holds), ItemsPerMessage
/// (the most one SendLocalList may carry). AuthCacheCtrlr: Enabled (RW), Available. AuthCtrlr.LocalPreAuthorize
/// (RW): online, a token the list or cache holds as Accepted starts at once, without waiting for Authorize.
/// </summary>
internal sealed partial class DeviceModel
{
    public const int ItemsPerMessage = 100;

    private bool _localAuthListEnabled = true;
    private bool _authCacheEnabled = true;
    private bool _localPreAuthorize;

    public bool LocalAuthListEnabled
    {
        get { lock (_sync) return _localAuthListEnabled; }
        private set { lock (_sync) _localAuthListEnabled = value; }
    }

    public bool AuthCacheEnabled
    {
        get { lock (_sync) return _authCacheEnabled; }
        private set { lock (_sync) _authCacheEnabled = value; }
    }

    public bool LocalPreAuthorize
    {
        get { lock (_sync) return _localPreAuthorize; }
        private set { lock (_sync) _localPreAuthorize = value; }
    }

    private Dictionary<string, Entry> LocalAuthListVariables() => new(StringComparer.Ordinal)
    {
        ["Enabled"] = new(() => Boolean(LocalAuthListEnabled), value => WriteBoolean(value, on => LocalAuthListEnabled = on), Type: DataType.boolean),
        ["Available"] = new(() => "true", Type: DataType.boolean),
        ["Entries"] = new(() => station.LocalAuthList.Count.ToString(CultureInfo.InvariantCulture), Type: DataType.integer, Min: 0),
        ["ItemsPerMessage"] = new(() => ItemsPerMessage.ToString(CultureInfo.InvariantCulture), Type: DataType.integer),
    };

    private Dictionary<string, Entry> AuthCacheVariables() => new(StringComparer.Ordinal)
    {
        ["Enabled"] = new(() => Boolean(AuthCacheEnabled), value => WriteBoolean(value, on => AuthCacheEnabled = on), Type: DataType.boolean),
        ["Available"] = new(() => "true", Type: DataType.boolean),
    };
}
