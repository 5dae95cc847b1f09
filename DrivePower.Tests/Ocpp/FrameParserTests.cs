using DrivePower.Ocpp.Frames;

namespace DrivePower.Tests.Ocpp;

public class FrameParserTests
{
    [Fact]
    public void A_well_formed_call_is_read_with_its_id_action_and_payload()
    {
        var result = FrameParser.Parse("""[2,"abc","Heartbeat",{}]""");

        var call = Assert.IsType<CallFrame>(result.Frame);
        Assert.Equal("abc", call.MessageId);
        Assert.Equal("Heartbeat", call.Action);
    }
}
