using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// TariffCostCtrlr: Enabled and Available (the station shows the cost the CSMS sends: CostUpdated and
/// totalCost in TransactionEvent answers), Currency (RW, what it shows the cost in) and the two fallback texts (RW).
/// </summary>
internal sealed partial class DeviceModel
{
    private string _currency = "EUR";
    private string _tariffFallbackMessage = "Prices at the charging station.";
    private string _totalCostFallbackMessage = "Total cost on your invoice.";

    private Dictionary<string, Entry> TariffCostVariables() => new(StringComparer.Ordinal)
    {
        ["Enabled"] = new(() => "true", Type: DataType.boolean),
        ["Available"] = new(() => "true", Type: DataType.boolean),
        ["Currency"] = new(() => Read(ref _currency), value => WriteCurrency(value, text => Store(ref _currency, text))),
        ["TariffFallbackMessage"] = new(() => Read(ref _tariffFallbackMessage),
            value => WriteText(value, 255, text => Store(ref _tariffFallbackMessage, text))),
        ["TotalCostFallbackMessage"] = new(() => Read(ref _totalCostFallbackMessage),
            value => WriteText(value, 255, text => Store(ref _totalCostFallbackMessage, text))),
    };

    // A text variable takes any value up to its length.
    private static bool WriteText(string value, int maxLength, Action<string> apply)
    {
        if (value.Length > maxLength)
            return false;
        apply(value);
        return true;
    }

    // A currency is an ISO 4217 code: three capital letters.
    private static bool WriteCurrency(string value, Action<string> apply) =>
        value.Length == 3 && value.All(char.IsAsciiLetterUpper) && WriteText(value, 3, apply);

    private string Read(ref string field)
    {
        lock (_sync) return field;
    }

    private void Store(ref string field, string value)
    {
        lock (_sync) field = value;
    }
}
