using System.Net.Http.Json;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>H: the emulated station holds reservations on its EVSEs, expires them, and lets only the reserved token (or group) start there.</summary>
public class ReservationTests
{
    private static readonly IdToken Reserved = new() { Token = "RESERVED-1", Type = IdTokenType.ISO14443 };
    private static readonly IdToken Other = new() { Token = "OTHER-1", Type = IdTokenType.ISO14443 };

    private static ReserveNowRequest Reservation(int id, int? evseId, TimeSpan? expiresIn = null, IdToken? group = null) => new()
    {
        Id = id, EvseId = evseId, IdToken = Reserved, GroupIdToken = group, ExpiryDateTime = DateTimeOffset.UtcNow + (expiresIn ?? TimeSpan.FromMinutes(10)),
    };

    [Fact]
    public async Task A_reserved_EVSE_shows_Reserved_rejects_another_token_and_starts_for_the_reserved_one_with_its_reservationId()
    {
        await using var station = await BootedStation.StartAsync("CP-RSV-USE");

        var answer = await station.SendAsync(Reservation(21, 1));
        await station.WaitForAsync<StatusNotificationRequest>(s => s.ConnectorStatus == ConnectorStatus.Reserved);
        var other = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Other, RemoteStartId = 1, EvseId = 1 });
        var mine = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Reserved, RemoteStartId = 2, EvseId = 1 });
        var started = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);

        Assert.Equal(ReserveNowStatus.Accepted, answer.Status);
        Assert.Equal((RequestStartStopStatus.Rejected, "Reserved"), (other.Status, other.StatusInfo?.ReasonCode));
        Assert.Equal(RequestStartStopStatus.Accepted, mine.Status);
        Assert.Equal(21, started.ReservationId);
        await station.WaitForAsync<StatusNotificationRequest>(s => s.ConnectorStatus == ConnectorStatus.Occupied);
        Assert.Empty(station.Received<ReservationStatusUpdateRequest>());
    }

    [Fact]
    public async Task A_reservation_expires_with_ReservationStatusUpdate_Expired_and_the_EVSE_is_Available_again()
    {
        await using var station = await BootedStation.StartAsync("CP-RSV-EXPIRE");

        await station.SendAsync(Reservation(22, 1, TimeSpan.FromSeconds(1)));
        var update = await station.WaitForAsync<ReservationStatusUpdateRequest>();
        await TestCsms.WaitUntilAsync(() => station.Received<StatusNotificationRequest>()[^1].ConnectorStatus == ConnectorStatus.Available, "Available after expiry");

        Assert.Equal((22, ReservationUpdateStatus.Expired), (update.ReservationId, update.ReservationUpdateStatus));
        Assert.Contains(station.Received<StatusNotificationRequest>(), s => s.ConnectorStatus == ConnectorStatus.Reserved);
    }

    [Fact]
    public async Task A_cancelled_reservation_frees_the_EVSE_and_an_unknown_one_is_Rejected()
    {
        await using var station = await BootedStation.StartAsync("CP-RSV-CANCEL");
        await station.SendAsync(Reservation(23, 1));
        await station.WaitForAsync<StatusNotificationRequest>(s => s.ConnectorStatus == ConnectorStatus.Reserved);

        var cancel = await station.SendAsync(new CancelReservationRequest { ReservationId = 23 });
        var again = await station.SendAsync(new CancelReservationRequest { ReservationId = 23 });
        await TestCsms.WaitUntilAsync(() => station.Received<StatusNotificationRequest>()[^1].ConnectorStatus == ConnectorStatus.Available, "Available after the cancel");
        var otherStarts = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Other, RemoteStartId = 3, EvseId = 1 });

        Assert.Equal(CancelReservationStatus.Accepted, cancel.Status);
        Assert.Equal(CancelReservationStatus.Rejected, again.Status);
        Assert.Equal(RequestStartStopStatus.Accepted, otherStarts.Status);
    }

    [Fact]
    public async Task ReserveNow_answers_Occupied_Faulted_and_Rejected_as_the_EVSE_is_and_a_reservation_for_any_EVSE_takes_a_free_one()
    {
        await using var station = await BootedStation.StartAsync("CP-RSV-STATES", ("EVSE_COUNT", "3"));
        using var control = new HttpClient { BaseAddress = station.Emulator.ControlAddress };
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Other, RemoteStartId = 4, EvseId = 1 });
        await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);
        (await control.PostAsync("/api/stations/CP-RSV-STATES/evses/2/connectors/1/fault", null)).Dispose();

        var occupied = await station.SendAsync(Reservation(24, 1));
        var faulted = await station.SendAsync(Reservation(25, 2));
        var unknown = await station.SendAsync(Reservation(26, 9));
        var past = await station.SendAsync(Reservation(27, 3, TimeSpan.FromMinutes(-1)));
        var any = await station.SendAsync(Reservation(28, null));
        var reserved = await station.WaitForAsync<StatusNotificationRequest>(s => s.ConnectorStatus == ConnectorStatus.Reserved);
        var anyAgain = await station.SendAsync(Reservation(29, null));

        Assert.Equal(ReserveNowStatus.Occupied, occupied.Status);
        Assert.Equal(ReserveNowStatus.Faulted, faulted.Status);
        Assert.Equal(ReserveNowStatus.Rejected, unknown.Status);
        Assert.Equal(ReserveNowStatus.Rejected, past.Status);
        Assert.Equal(ReserveNowStatus.Accepted, any.Status);
        Assert.Equal(3, reserved.EvseId);
        Assert.Equal(ReserveNowStatus.Occupied, anyAgain.Status);
    }

    [Fact]
    public async Task A_reservation_for_any_EVSE_keeps_the_last_free_EVSE_for_its_token_whichever_EVSE_another_driver_takes()
    {
        await using var station = await BootedStation.StartAsync("CP-RSV-ANY", ("EVSE_COUNT", "2"));

        var any = await station.SendAsync(Reservation(40, null));
        var otherTakesOne = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Other, RemoteStartId = 5, EvseId = 1 });
        var reserved = await station.WaitForAsync<StatusNotificationRequest>(s => s.EvseId == 2 && s.ConnectorStatus == ConnectorStatus.Reserved);
        var otherTakesTheLast = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Other, RemoteStartId = 6, EvseId = 2 });
        var otherAnywhere = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Other, RemoteStartId = 7 });
        var secondForAny = await station.SendAsync(Reservation(41, null));
        var mine = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Reserved, RemoteStartId = 8, EvseId = 2 });
        var started = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started && e.ReservationId is not null);

        Assert.Equal(ReserveNowStatus.Accepted, any.Status);
        Assert.Equal(RequestStartStopStatus.Accepted, otherTakesOne.Status);
        Assert.DoesNotContain(station.Received<StatusNotificationRequest>(), s => s.EvseId == 1 && s.ConnectorStatus == ConnectorStatus.Reserved);
        Assert.Equal(2, reserved.EvseId);
        Assert.Equal((RequestStartStopStatus.Rejected, "Reserved"), (otherTakesTheLast.Status, otherTakesTheLast.StatusInfo?.ReasonCode));
        Assert.Equal(RequestStartStopStatus.Rejected, otherAnywhere.Status);
        Assert.Equal((ReserveNowStatus.Occupied, "NoFreeEvse"), (secondForAny.Status, secondForAny.StatusInfo?.ReasonCode));
        Assert.Equal(RequestStartStopStatus.Accepted, mine.Status);
        Assert.Equal((40, 2), (started.ReservationId, started.Evse?.Id));
    }

    [Fact]
    public async Task A_reservation_for_any_EVSE_shows_no_EVSE_Reserved_while_another_is_spare_and_cancelling_it_releases_the_last_one()
    {
        await using var station = await BootedStation.StartAsync("CP-RSV-ANY-FREE", ("EVSE_COUNT", "2"));
        using var control = new HttpClient { BaseAddress = station.Emulator.ControlAddress };

        await station.SendAsync(Reservation(42, null));
        var whileSpare = await ConnectorStatusesAsync(control, "CP-RSV-ANY-FREE");
        var specificOnOne = await station.SendAsync(Reservation(43, 1));
        await station.WaitForAsync<StatusNotificationRequest>(s => s.EvseId == 2 && s.ConnectorStatus == ConnectorStatus.Reserved);
        var cancel = await station.SendAsync(new CancelReservationRequest { ReservationId = 42 });
        await station.WaitForAsync<StatusNotificationRequest>(s => s.EvseId == 2 && s.ConnectorStatus == ConnectorStatus.Available);

        Assert.Equal(["Available", "Available"], whileSpare);
        Assert.Equal(ReserveNowStatus.Accepted, specificOnOne.Status);
        Assert.Equal(CancelReservationStatus.Accepted, cancel.Status);
        Assert.Equal(["Reserved", "Available"], await ConnectorStatusesAsync(control, "CP-RSV-ANY-FREE"));
    }

    private static async Task<string[]> ConnectorStatusesAsync(HttpClient control, string stationId)
    {
        var view = await control.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/stations/{stationId}");
        return [.. view.GetProperty("evses").EnumerateArray().SelectMany(evse => evse.GetProperty("connectors").EnumerateArray())
            .Select(connector => connector.GetProperty("status").GetString()!)];
    }

    [Fact]
    public async Task At_the_station_a_token_of_the_reserved_group_may_charge_on_the_reserved_EVSE_and_another_may_not()
    {
        await using var station = await BootedStation.StartAsync("CP-RSV-GROUP");
        using var control = new HttpClient { BaseAddress = station.Emulator.ControlAddress };
        await station.SendAsync(Reservation(30, 1, group: new IdToken { Token = "FLEET-1", Type = IdTokenType.Central }));

        var stranger = await (await control.PostAsJsonAsync("/api/stations/CP-RSV-GROUP/evses/1/id-token", new { idToken = "STRANGER" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        station.Csms.AuthorizeGroup = new IdToken { Token = "FLEET-1", Type = IdTokenType.Central };
        var member = await (await control.PostAsJsonAsync("/api/stations/CP-RSV-GROUP/evses/1/id-token", new { idToken = "DRIVER-2" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        (await control.PostAsync("/api/stations/CP-RSV-GROUP/evses/1/plug", null)).Dispose();
        var authorized = await station.WaitForAsync<TransactionEventRequest>(e => e.TriggerReason == TriggerReason.Authorized);

        Assert.False(stranger.GetProperty("accepted").GetBoolean());
        Assert.True(member.GetProperty("accepted").GetBoolean());
        Assert.Equal(("DRIVER-2", 30), (authorized.IdToken?.Token, authorized.ReservationId));
    }

    [Fact]
    public async Task With_ReservationCtrlr_Enabled_false_ReserveNow_is_Rejected()
    {
        await using var station = await BootedStation.StartAsync("CP-RSV-OFF");
        await station.SendAsync(new SetVariablesRequest
        {
            SetVariableData = [new SetVariableData { Component = new Component { Name = "ReservationCtrlr" }, Variable = new Variable { Name = "Enabled" }, AttributeValue = "false" }],
        });

        var answer = await station.SendAsync(Reservation(31, 1));

        Assert.Equal((ReserveNowStatus.Rejected, "Disabled"), (answer.Status, answer.StatusInfo?.ReasonCode));
    }
}
