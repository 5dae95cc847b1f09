using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// The answers to the CSMS's commands, one file each, shared by every station: the station is the
/// connection's <see cref="OcppRpcConnection.State"/>. Actions not registered here are answered by the
/// library: NotImplemented when unknown, NotSupported when known but not handled.
/// </summary>
internal static class StationHandlers
{
    public static OcppHandlerRegistry Create() => new OcppHandlerRegistry()
        .OnGetVariables()
        .OnSetVariables()
        .OnTriggerMessage()
        .OnRequestStartTransaction()
        .OnRequestStopTransaction()
        .OnChangeAvailability()
        .OnUnlockConnector()
        .OnReset()
        .OnClearCache()
        .OnGetTransactionStatus()
        .OnGetBaseReport()
        .OnDataTransfer()
        .OnSetChargingProfile()
        .OnGetChargingProfiles()
        .OnClearChargingProfile()
        .OnGetCompositeSchedule()
        .OnReserveNow()
        .OnCancelReservation()
        .OnSendLocalList()
        .OnGetLocalListVersion()
        .OnDisplayMessages()
        .OnCostUpdated()
        .OnGetLog()
        .OnCustomerInformation()
        .OnVariableMonitoring()
        .OnUpdateFirmware();

    public static Station StationOf(OcppCallContext context) =>
        context.Connection.State as Station ?? throw new InvalidOperationException("The connection has no station attached.");
}
