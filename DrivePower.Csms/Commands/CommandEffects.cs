using System.Text.Json;
using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Csms.Commands;

/// <summary>
/// What a command the station answered changed there, stored by the CSMS: a charging profile set or
/// cleared, a reservation made or cancelled, a local list sent, a display message set or cleared, monitors
/// set or cleared, a monitoring base or level. One
/// place for the rule, whichever way the command went: its own endpoint, the generic commands endpoint
/// or the console's command buttons (both through <see cref="OperatorCommands"/>).
/// </summary>
public sealed class CommandEffects(
    ChargingProfileStore profiles, ReservationStore reservations, LocalAuthListStore lists, DisplayMessageStore messages,
    VariableMonitorStore monitors, TimeProvider time, FirmwareUpdateStore firmwareUpdates)
{
    /// <summary>Stores the effect of an answered <paramref name="action"/>, if it has one (see <see cref="CommandOutcome.StoredChanges"/>).</summary>
    public Task<int> RecordAsync(string stationId, string action, JsonElement request, JsonElement response, CancellationToken cancellationToken) =>
        action switch
        {
            "SetChargingProfile" => Count(SetChargingProfileAsync(stationId, Read(request, OcppJsonContext.Default.SetChargingProfileRequest),
                Read(response, OcppJsonContext.Default.SetChargingProfileResponse), cancellationToken)),
            "ClearChargingProfile" => ClearChargingProfileAsync(stationId, Read(request, OcppJsonContext.Default.ClearChargingProfileRequest), cancellationToken),
            "ReserveNow" => Count(ReserveNowAsync(stationId, Read(request, OcppJsonContext.Default.ReserveNowRequest),
                Read(response, OcppJsonContext.Default.ReserveNowResponse), cancellationToken)),
            "CancelReservation" => Count(CancelReservationAsync(stationId, Read(request, OcppJsonContext.Default.CancelReservationRequest).ReservationId,
                Read(response, OcppJsonContext.Default.CancelReservationResponse), cancellationToken)),
            "SendLocalList" => Count(SendLocalListAsync(stationId, Read(request, OcppJsonContext.Default.SendLocalListRequest),
                Read(response, OcppJsonContext.Default.SendLocalListResponse), cancellationToken)),
            "SetDisplayMessage" => Count(SetDisplayMessageAsync(stationId, Read(request, OcppJsonContext.Default.SetDisplayMessageRequest),
                Read(response, OcppJsonContext.Default.SetDisplayMessageResponse), cancellationToken)),
            "ClearDisplayMessage" => Count(ClearDisplayMessageAsync(stationId, Read(request, OcppJsonContext.Default.ClearDisplayMessageRequest).Id,
                Read(response, OcppJsonContext.Default.ClearDisplayMessageResponse), cancellationToken)),
            "SetVariableMonitoring" => monitors.RecordSetAsync(stationId, Read(request, OcppJsonContext.Default.SetVariableMonitoringRequest),
                Read(response, OcppJsonContext.Default.SetVariableMonitoringResponse), time.GetUtcNow(), cancellationToken),
            "ClearVariableMonitoring" => ClearVariableMonitoringAsync(stationId, Read(response, OcppJsonContext.Default.ClearVariableMonitoringResponse), cancellationToken),
            "SetMonitoringBase" => Read(response, OcppJsonContext.Default.SetMonitoringBaseResponse).Status == GenericDeviceModelStatus.Accepted
                ? monitors.RecordBaseAsync(stationId, Read(request, OcppJsonContext.Default.SetMonitoringBaseRequest).MonitoringBase, cancellationToken)
                : Task.FromResult(0),
            "SetMonitoringLevel" => Read(response, OcppJsonContext.Default.SetMonitoringLevelResponse).Status == GenericStatus.Accepted
                ? monitors.RecordLevelAsync(stationId, Read(request, OcppJsonContext.Default.SetMonitoringLevelRequest).Severity, cancellationToken)
                : Task.FromResult(0),
            "UpdateFirmware" => Count(UpdateFirmwareAsync(stationId, Read(request, OcppJsonContext.Default.UpdateFirmwareRequest),
                Read(response, OcppJsonContext.Default.UpdateFirmwareResponse), cancellationToken)),
            _ => Task.FromResult(0),
        };

    /// <summary>Monitors the station cleared or does not know (NotFound) go; a Rejected one (hard-wired, say) stays.</summary>
    private Task<int> ClearVariableMonitoringAsync(string stationId, ClearVariableMonitoringResponse response, CancellationToken cancellationToken)
    {
        var gone = response.ClearMonitoringResult.Where(result => result.Status != ClearMonitoringStatus.Rejected).Select(result => result.Id).ToList();
        return gone.Count == 0 ? Task.FromResult(0) : monitors.RemoveAsync(stationId, gone, cancellationToken);
    }

    private async Task<bool> SetChargingProfileAsync(string stationId, SetChargingProfileRequest request, SetChargingProfileResponse response, CancellationToken cancellationToken)
    {
        var accepted = response.Status == ChargingProfileStatus.Accepted;
        if (accepted)
            await profiles.RecordSetAsync(stationId, request.EvseId, request.ChargingProfile, time.GetUtcNow(), cancellationToken);
        return accepted;
    }

    /// <summary>The stored profiles the clear matches are removed whatever the answer (Unknown: the station has none of them). Returns how many.</summary>
    private Task<int> ClearChargingProfileAsync(string stationId, ClearChargingProfileRequest request, CancellationToken cancellationToken) =>
        profiles.ClearAsync(stationId, request, cancellationToken);

    private async Task<bool> ReserveNowAsync(string stationId, ReserveNowRequest request, ReserveNowResponse response, CancellationToken cancellationToken)
    {
        var accepted = response.Status == ReserveNowStatus.Accepted;
        if (accepted)
            await reservations.RecordAcceptedAsync(stationId, request, time.GetUtcNow(), cancellationToken);
        return accepted;
    }

    private async Task<bool> CancelReservationAsync(string stationId, int reservationId, CancelReservationResponse response, CancellationToken cancellationToken)
    {
        var accepted = response.Status == CancelReservationStatus.Accepted;
        // Rejected means the station holds no such reservation (it expired or was used unseen): it is not active any more.
        await reservations.EndAsync(stationId, reservationId, accepted ? "Cancelled" : "Removed", null, time.GetUtcNow(), cancellationToken);
        return accepted;
    }

    private async Task<bool> SendLocalListAsync(string stationId, SendLocalListRequest request, SendLocalListResponse response, CancellationToken cancellationToken)
    {
        var accepted = response.Status == SendLocalListStatus.Accepted;
        if (accepted)
            await lists.ApplyAsync(stationId, request, time.GetUtcNow(), cancellationToken);
        return accepted;
    }

    private async Task<bool> SetDisplayMessageAsync(string stationId, SetDisplayMessageRequest request, SetDisplayMessageResponse response, CancellationToken cancellationToken)
    {
        var accepted = response.Status == DisplayMessageStatus.Accepted;
        if (accepted)
            await messages.RecordAsync(stationId, [request.Message], "Set", time.GetUtcNow(), cancellationToken);
        return accepted;
    }

    /// <summary>The stored message goes whatever the answer (Unknown: the station has no such message).</summary>
    private async Task<bool> ClearDisplayMessageAsync(string stationId, int messageId, ClearDisplayMessageResponse response, CancellationToken cancellationToken)
    {
        await messages.RemoveAsync(stationId, messageId, cancellationToken);
        return response.Status == ClearMessageStatus.Accepted;
    }

    /// <summary>The update is stored with the answer whatever it is (a Rejected one is history too); returns whether the station took it.</summary>
    private async Task<bool> UpdateFirmwareAsync(string stationId, UpdateFirmwareRequest request, UpdateFirmwareResponse response, CancellationToken cancellationToken)
    {
        await firmwareUpdates.RecordAnswerAsync(stationId, request.RequestId, request.Firmware.Location, request.Firmware.Signature is not null,
            response.Status.ToString(), time.GetUtcNow(), cancellationToken);
        return response.Status is UpdateFirmwareStatus.Accepted or UpdateFirmwareStatus.AcceptedCanceled;
    }

    private static T Read<T>(JsonElement json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> contract) =>
        json.Deserialize(contract) ?? throw new JsonException($"A {typeof(T).Name} payload was null.");

    private static async Task<int> Count(Task<bool> applied) => await applied ? 1 : 0;
}
