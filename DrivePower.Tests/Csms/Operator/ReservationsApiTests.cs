using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>Reservations through the operator API: stored as the station accepts them, ended as it reports or uses them.</summary>
public sealed class ReservationsApiTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    private static string Reserve(int id, int evseId) =>
        $$$"""{"id":{{{id}}},"expiryDateTime":"2030-01-01T00:00:00Z","evseId":{{{evseId}}},"connectorType":"cType2","idToken":{"idToken":"CARD-R","type":"ISO14443"},"groupIdToken":{"idToken":"FLEET","type":"Central"}}""";

    private static OcppHandlerRegistry Station(ReserveNowStatus status = ReserveNowStatus.Accepted, CancelReservationStatus cancel = CancelReservationStatus.Accepted) => new OcppHandlerRegistry()
        .On<ReserveNowRequest, ReserveNowResponse>((_, _, _) => ValueTask.FromResult(new ReserveNowResponse { Status = status }))
        .On<CancelReservationRequest, CancelReservationResponse>((_, _, _) => ValueTask.FromResult(new CancelReservationResponse { Status = cancel }));

    private static async Task<System.Text.Json.JsonElement> OnlyAsync(CsmsTestHost csms, string stationId) =>
        Assert.Single((await csms.Http.GetJsonAsync($"/api/stations/{stationId}/reservations")).EnumerateArray());

    [Fact]
    public async Task A_reservation_the_station_accepts_is_stored_Active_and_one_it_refuses_is_not()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var accepting = await csms.ConnectBootedAsync("RSV-OK", Station());
        await using var refusing = await csms.ConnectBootedAsync("RSV-NO", Station(ReserveNowStatus.Occupied));

        using var accepted = await csms.Http.PostRawAsync("/api/stations/RSV-OK/reservations", Reserve(1, 1));
        using var refused = await csms.Http.PostRawAsync("/api/stations/RSV-NO/reservations", Reserve(1, 1));

        Assert.True((await accepted.JsonAsync()).GetProperty("applied").GetBoolean());
        Assert.Equal("Occupied", (await refused.JsonAsync()).GetProperty("response").GetProperty("status").GetString());
        var stored = await OnlyAsync(csms, "RSV-OK");
        Assert.Equal((1, 1, "CARD-R", "FLEET", "cType2", "Active"), (stored.GetProperty("id").GetInt32(), stored.GetProperty("evseId").GetInt32(),
            stored.GetProperty("idToken").GetString(), stored.GetProperty("groupIdToken").GetString(), stored.GetProperty("connectorType").GetString(),
            stored.GetProperty("status").GetString()));
        Assert.Empty((await csms.Http.GetJsonAsync("/api/stations/RSV-NO/reservations")).EnumerateArray());
    }

    [Fact]
    public async Task A_reservation_sent_as_a_plain_command_is_stored_as_through_its_own_endpoint()
    {
        // The generic commands endpoint and the console's command buttons go through OperatorCommands.
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("RSV-PLAIN", Station());

        using var reserved = await csms.Http.PostRawAsync("/api/stations/RSV-PLAIN/commands/ReserveNow", Reserve(7, 1));
        Assert.Equal("Accepted", (await reserved.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("Active", (await OnlyAsync(csms, "RSV-PLAIN")).GetProperty("status").GetString());

        using var cancelled = await csms.Http.PostRawAsync("/api/stations/RSV-PLAIN/commands/CancelReservation", """{"reservationId":7}""");
        Assert.Equal("Cancelled", (await OnlyAsync(csms, "RSV-PLAIN")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_cancel_the_station_accepts_marks_the_reservation_Cancelled()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("RSV-CANCEL", Station());
        (await csms.Http.PostRawAsync("/api/stations/RSV-CANCEL/reservations", Reserve(2, 1))).Dispose();

        using var cancel = await csms.Http.DeleteAsync("/api/stations/RSV-CANCEL/reservations/2");

        Assert.True((await cancel.JsonAsync()).GetProperty("applied").GetBoolean());
        Assert.Equal("Cancelled", (await OnlyAsync(csms, "RSV-CANCEL")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_cancel_the_station_rejects_marks_the_reservation_Removed_as_the_station_holds_no_such_reservation()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("RSV-GONE", Station(cancel: CancelReservationStatus.Rejected));
        (await csms.Http.PostRawAsync("/api/stations/RSV-GONE/reservations", Reserve(5, 1))).Dispose();

        using var cancel = await csms.Http.DeleteAsync("/api/stations/RSV-GONE/reservations/5");

        Assert.False((await cancel.JsonAsync()).GetProperty("applied").GetBoolean());
        Assert.Equal("Removed", (await OnlyAsync(csms, "RSV-GONE")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReservationStatusUpdate_marks_it_Expired_and_a_transaction_naming_it_marks_it_Used()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("RSV-END", Station());
        (await csms.Http.PostRawAsync("/api/stations/RSV-END/reservations", Reserve(3, 1))).Dispose();
        (await csms.Http.PostRawAsync("/api/stations/RSV-END/reservations", Reserve(4, 2))).Dispose();

        await station.CallAsync(new ReservationStatusUpdateRequest { ReservationId = 3, ReservationUpdateStatus = ReservationUpdateStatus.Expired });
        await station.CallAsync(new TransactionEventRequest
        {
            EventType = TransactionEventType.Started, Timestamp = DateTimeOffset.UtcNow, TriggerReason = TriggerReason.Authorized, SeqNo = 0,
            TransactionInfo = new Transaction { TransactionId = "TX-RSV-4" }, ReservationId = 4, Evse = new Evse { Id = 2, ConnectorId = 1 },
            IdToken = new IdToken { Token = "CARD-R", Type = IdTokenType.ISO14443 },
        });

        var reservations = (await csms.Http.GetJsonAsync("/api/stations/RSV-END/reservations")).EnumerateArray().ToList();
        Assert.Equal([("Expired", null), ("Used", "TX-RSV-4")], reservations.Select(r => (r.GetProperty("status").GetString(),
            r.GetProperty("transactionId").ValueKind == System.Text.Json.JsonValueKind.Null ? null : r.GetProperty("transactionId").GetString())));
    }
}
