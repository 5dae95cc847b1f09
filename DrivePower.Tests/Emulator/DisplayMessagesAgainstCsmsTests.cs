using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Emulator;

/// <summary>Display messages set and cleared through the real CSMS's operator API on an emulated station, and reported ones stored.</summary>
public sealed class DisplayMessagesAgainstCsmsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_message_the_emulator_accepts_is_stored_one_it_refuses_is_not_and_a_clear_removes_it()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?> { ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp", ["STATION_ID"] = "EMU-DM" });
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id = 'EMU-DM'") == 1, TimeSpan.FromSeconds(20));

        using var accepted = await csms.Http.PostRawAsync("/api/stations/EMU-DM/display-messages",
            """{"message":{"id":7,"priority":"InFront","message":{"format":"UTF8","content":"Welcome"}}}""");
        using var refused = await csms.Http.PostRawAsync("/api/stations/EMU-DM/display-messages",
            """{"message":{"id":8,"priority":"InFront","message":{"format":"HTML","content":"<b>Hi</b>"}}}""");
        var stored = (await csms.Http.GetJsonAsync("/api/stations/EMU-DM/display-messages")).EnumerateArray().ToList();
        using var cleared = await csms.Http.DeleteAsync("/api/stations/EMU-DM/display-messages/7");

        Assert.True((await accepted.JsonAsync()).GetProperty("applied").GetBoolean());
        Assert.Equal("NotSupportedMessageFormat", (await refused.JsonAsync()).GetProperty("response").GetProperty("status").GetString());
        Assert.Equal([(7, "Welcome", "Set")], stored.Select(m => (m.GetProperty("id").GetInt32(), m.GetProperty("content").GetString(), m.GetProperty("origin").GetString())));
        Assert.True((await cleared.JsonAsync()).GetProperty("applied").GetBoolean());
        Assert.Empty((await csms.Http.GetJsonAsync("/api/stations/EMU-DM/display-messages")).EnumerateArray());
        await emulator.StopAsync();
    }

    [Fact]
    public async Task Reported_messages_are_stored_with_origin_Reported()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("DM-REPORT", new DrivePower.Ocpp.Rpc.OcppHandlerRegistry());

        await station.CallAsync(new NotifyDisplayMessagesRequest
        {
            RequestId = 1,
            MessageInfo = [new MessageInfo { Id = 3, Priority = MessagePriority.NormalCycle, State = MessageState.Idle, Message = new MessageContent { Format = MessageFormat.ASCII, Content = "Out of order soon" } }],
        });

        var stored = Assert.Single((await csms.Http.GetJsonAsync("/api/stations/DM-REPORT/display-messages")).EnumerateArray());
        Assert.Equal((3, "Idle", "Reported"), (stored.GetProperty("id").GetInt32(), stored.GetProperty("state").GetString(), stored.GetProperty("origin").GetString()));
    }
}
