using System.Globalization;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// DisplayMessageCtrlr: Enabled (RW), Available, DisplayMessages (how many it holds at most),
/// SupportedFormats (ASCII, UTF8: the display shows text, not HTML or URIs), SupportedPriorities (all three).
/// </summary>
internal sealed partial class DeviceModel
{
    public const int DisplayMessageCapacity = 10;

    private bool _displayMessagesEnabled = true;

    public bool DisplayMessagesEnabled
    {
        get { lock (_sync) return _displayMessagesEnabled; }
        private set { lock (_sync) _displayMessagesEnabled = value; }
    }

    public IReadOnlyList<MessageFormat> SupportedMessageFormats { get; } = [MessageFormat.ASCII, MessageFormat.UTF8];

    private Dictionary<string, Entry> DisplayMessageVariables() => new(StringComparer.Ordinal)
    {
        ["Enabled"] = new(() => Boolean(DisplayMessagesEnabled), value => WriteBoolean(value, on => DisplayMessagesEnabled = on), Type: DataType.boolean),
        ["Available"] = new(() => "true", Type: DataType.boolean),
        ["DisplayMessages"] = new(() => DisplayMessageCapacity.ToString(CultureInfo.InvariantCulture), Type: DataType.integer),
        ["SupportedFormats"] = new(() => string.Join(",", SupportedMessageFormats), Type: DataType.MemberList),
        ["SupportedPriorities"] = new(() => string.Join(",", Enum.GetNames<MessagePriority>()), Type: DataType.MemberList),
    };
}
