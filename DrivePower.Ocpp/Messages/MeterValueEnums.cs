using System.Text.Json.Serialization;

namespace DrivePower.Ocpp.Messages;

public enum Measurand
{
    [JsonStringEnumMemberName("Current.Export")] CurrentExport,
    [JsonStringEnumMemberName("Current.Import")] CurrentImport,
    [JsonStringEnumMemberName("Current.Offered")] CurrentOffered,
    [JsonStringEnumMemberName("Energy.Active.Export.Register")] EnergyActiveExportRegister,
    [JsonStringEnumMemberName("Energy.Active.Import.Register")] EnergyActiveImportRegister,
    [JsonStringEnumMemberName("Energy.Reactive.Export.Register")] EnergyReactiveExportRegister,
    [JsonStringEnumMemberName("Energy.Reactive.Import.Register")] EnergyReactiveImportRegister,
    [JsonStringEnumMemberName("Energy.Active.Export.Interval")] EnergyActiveExportInterval,
    [JsonStringEnumMemberName("Energy.Active.Import.Interval")] EnergyActiveImportInterval,
    [JsonStringEnumMemberName("Energy.Active.Net")] EnergyActiveNet,
    [JsonStringEnumMemberName("Energy.Reactive.Export.Interval")] EnergyReactiveExportInterval,
    [JsonStringEnumMemberName("Energy.Reactive.Import.Interval")] EnergyReactiveImportInterval,
    [JsonStringEnumMemberName("Energy.Reactive.Net")] EnergyReactiveNet,
    [JsonStringEnumMemberName("Energy.Apparent.Net")] EnergyApparentNet,
    [JsonStringEnumMemberName("Energy.Apparent.Import")] EnergyApparentImport,
    [JsonStringEnumMemberName("Energy.Apparent.Export")] EnergyApparentExport,
    Frequency,
    [JsonStringEnumMemberName("Power.Active.Export")] PowerActiveExport,
    [JsonStringEnumMemberName("Power.Active.Import")] PowerActiveImport,
    [JsonStringEnumMemberName("Power.Factor")] PowerFactor,
    [JsonStringEnumMemberName("Power.Offered")] PowerOffered,
    [JsonStringEnumMemberName("Power.Reactive.Export")] PowerReactiveExport,
    [JsonStringEnumMemberName("Power.Reactive.Import")] PowerReactiveImport,
    SoC,
    Voltage,
}

public enum Phase
{
    L1,
    L2,
    L3,
    N,
    [JsonStringEnumMemberName("L1-N")] L1N,
    [JsonStringEnumMemberName("L2-N")] L2N,
    [JsonStringEnumMemberName("L3-N")] L3N,
    [JsonStringEnumMemberName("L1-L2")] L1L2,
    [JsonStringEnumMemberName("L2-L3")] L2L3,
    [JsonStringEnumMemberName("L3-L1")] L3L1,
}

public enum ReadingContext
{
    [JsonStringEnumMemberName("Interruption.Begin")] InterruptionBegin,
    [JsonStringEnumMemberName("Interruption.End")] InterruptionEnd,
    Other,
    [JsonStringEnumMemberName("Sample.Clock")] SampleClock,
    [JsonStringEnumMemberName("Sample.Periodic")] SamplePeriodic,
    [JsonStringEnumMemberName("Transaction.Begin")] TransactionBegin,
    [JsonStringEnumMemberName("Transaction.End")] TransactionEnd,
    Trigger,
}

public enum Location
{
    Body,
    Cable,
    EV,
    Inlet,
    Outlet,
}
