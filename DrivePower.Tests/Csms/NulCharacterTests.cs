using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using DrivePower.Csms.Data;
using DrivePower.Csms.Handlers;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Rpc;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using DrivePower.Tests.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Csms;

/// <summary>A U+0000 anywhere is a bad value (CALLERROR / 400), never "database unavailable", never stored half-way, never raw in the log.</summary>
public sealed class NulCharacterTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private const string Boot = """[2,"boot","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]""";
    private readonly CapturedLogs _logs = new();
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync() =>
        _csms = await CsmsTestHost.StartAsync(database.ConnectionString,
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" },
            services => services.AddLogging(logging => logging.AddProvider(_logs)));

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Theory]
    [InlineData("CP-NUL-BOOT", """[2,"n1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"a\u0000b","vendorName":"V"}}]""")]
    [InlineData("CP-NUL-AUTH", """[2,"n1","Authorize",{"idToken":{"idToken":"A\u0000","type":"ISO14443"}}]""")]
    [InlineData("CP-NUL-SEC", """[2,"n1","SecurityEventNotification",{"type":"Tamper\u0000","timestamp":"2025-06-01T12:00:00Z"}]""")]
    [InlineData("CP-NUL-EVT", """[2,"n1","NotifyEvent",{"generatedAt":"2025-06-01T12:00:00Z","seqNo":0,"eventData":[{"eventId":1,"timestamp":"2025-06-01T12:00:00Z","trigger":"Alerting","actualValue":"ok","component":{"name":"C"},"variable":{"name":"V"},"eventNotificationType":"HardWiredNotification"},{"eventId":2,"timestamp":"2025-06-01T12:00:00Z","trigger":"Alerting","actualValue":"a\u0000","component":{"name":"C"},"variable":{"name":"V"},"eventNotificationType":"HardWiredNotification"}]}]""")]
    [InlineData("CP-NUL-MV", """[2,"n1","MeterValues",{"evseId":1,"meterValue":[{"timestamp":"2025-06-01T12:00:00Z","sampledValue":[{"value":1},{"value":2,"unitOfMeasure":{"unit":"k\u0000W"}}]}]}]""")]
    [InlineData("CP-NUL-TX", """[2,"n1","TransactionEvent",{"eventType":"Started","timestamp":"2025-06-01T12:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"T\u0000"}}]""")]
    public async Task A_NUL_in_a_station_message_is_a_PropertyConstraintViolation_and_nothing_is_stored(string stationId, string frame)
    {
        using var socket = await _csms.OpenSocketAsync(stationId);
        var station = new RawPeer(socket);
        if (!frame.Contains("BootNotification", StringComparison.Ordinal))
        {
            await station.SendAsync(Boot);
            await station.ReceiveAsync();
        }

        await station.SendAsync(frame);
        var error = JsonDocument.Parse(await station.ReceiveAsync()).RootElement;
        await station.SendAsync("""[2,"after","Heartbeat",{}]""");
        var after = JsonDocument.Parse(await station.ReceiveAsync()).RootElement;

        Assert.Equal((4, "n1", "PropertyConstraintViolation"), (error[0].GetInt32(), error[1].GetString(), error[2].GetString()));
        Assert.DoesNotContain("database", error[3].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("after", after[1].GetString()); // the socket stays usable
        Assert.Equal(0L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT (SELECT count(*) FROM station_events WHERE station_id = @id) + (SELECT count(*) FROM transactions WHERE station_id = @id)"
            + " + (SELECT count(*) FROM meter_values WHERE station_id = @id)",
            ("id", stationId)));
        if (frame.Contains("BootNotification", StringComparison.Ordinal))
            Assert.Equal(0L, await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM stations WHERE id = @id", ("id", stationId)));
        AssertNoRawNulLogged();
    }

    [Theory]
    [InlineData("/api/transactions?stationId=%00")]
    [InlineData("/api/transactions?stationId=CP%00X&active=true")]
    [InlineData("/api/stations?x%00=1")]
    public async Task A_NUL_in_an_API_query_is_a_400_problem(string path)
    {
        using var response = await _csms.Http.GetAsync(path);

        var problem = await response.ProblemAsync(400);
        Assert.Contains("NUL", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        AssertNoRawNulLogged();
    }

    [Theory]
    [InlineData("/api/stations/CP%00X")]
    [InlineData("/api/id-tokens/ISO14443/A%00B")]
    public async Task A_NUL_in_an_API_path_is_refused_with_400_by_the_server_before_any_endpoint(string path)
    {
        using var response = await _csms.Http.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        await _csms.Http.GetJsonAsync("/api/stations"); // and it keeps serving
        AssertNoRawNulLogged();
    }

    [Theory]
    [InlineData("idToken")]
    [InlineData("groupIdToken")]
    public async Task A_NUL_in_an_id_token_body_is_a_400_validation_problem_and_nothing_is_stored(string field)
    {
        var body = new Dictionary<string, string> { ["idToken"] = "NUL-BODY-" + field, ["type"] = "ISO14443", ["groupIdToken"] = "GROUP" };
        body[field] = "A\0B";

        using var response = await _csms.Http.PostAsJsonAsync("/api/id-tokens", body);

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM id_tokens WHERE id_token LIKE 'NUL-BODY-%' OR id_token LIKE 'A%B'"));
    }

    [Fact]
    public async Task A_NUL_in_a_command_body_is_refused_before_it_is_sent()
    {
        await using var station = await _csms.ConnectAsync("CP-NUL-CMD");
        await station.BootAsync();

        using var response = await _csms.Http.PostRawAsync("/api/stations/CP-NUL-CMD/commands/RequestStartTransaction",
            """{"idToken":{"idToken":"A\u0000","type":"Central"},"remoteStartId":1}""");

        await response.ProblemAsync(400);
    }

    [Fact]
    public async Task The_data_layer_reports_a_refused_value_as_bad_input_not_as_an_outage()
    {
        var stations = _csms.Get<StationStore>();
        var boot = new BootNotificationRequest
        {
            Reason = BootReason.PowerUp,
            ChargingStation = new ChargingStation { Model = "a\0b", VendorName = "V" },
        };

        var refused = await Assert.ThrowsAsync<StorageRejectedValueException>(() =>
            stations.RecordBootAsync("CP-NUL-DATA", boot, RegistrationStatus.Accepted, DateTimeOffset.UtcNow, CancellationToken.None));
        await Assert.ThrowsAsync<StorageRejectedValueException>(() =>
            _csms.Get<IdTokenStore>().FindAsync("A\0", "ISO14443", CancellationToken.None));

        Assert.StartsWith("22", refused.SqlState, StringComparison.Ordinal);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM stations WHERE id = 'CP-NUL-DATA'"));
        AssertNoRawNulLogged();
    }

    [Fact]
    public async Task A_transaction_event_the_database_refuses_leaves_no_transaction_behind()
    {
        var transactions = _csms.Get<TransactionStore>();
        await Db.ExecuteAsync(database.ConnectionString,
            "INSERT INTO stations (id, created_at, updated_at) VALUES ('CP-NUL-HALF', now(), now()) ON CONFLICT DO NOTHING");
        const string payload = """{"eventType":"Started","timestamp":"2025-06-01T12:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"T-NUL-1"},"customData":{"vendorId":"x","n":"\u0000"}}""";
        var request = JsonSerializer.Deserialize(payload, OcppJsonContext.Default.TransactionEventRequest)!;

        await Assert.ThrowsAsync<StorageRejectedValueException>(() =>
            transactions.RecordEventAsync("CP-NUL-HALF", request, JsonDocument.Parse(payload).RootElement, DateTimeOffset.UtcNow, CancellationToken.None));

        Assert.Equal(0L, await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM transactions WHERE station_id = 'CP-NUL-HALF'"));
    }

    [Fact]
    public async Task A_value_the_database_refuses_answers_PropertyConstraintViolation_not_InternalError()
    {
        var guarded = CsmsHandlerRegistry.Guard<HeartbeatRequest, HeartbeatResponse>((_, _, _) =>
            throw new StorageRejectedValueException("store it", "22021", new InvalidDataException()));

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(async () => await guarded(null!, new HeartbeatRequest(), CancellationToken.None));

        Assert.Equal(nameof(OcppErrorCode.PropertyConstraintViolation), error.ErrorCode);
    }

    private void AssertNoRawNulLogged() =>
        Assert.DoesNotContain(_logs.Entries, entry => entry.Message.Contains('\0', StringComparison.Ordinal));
}
