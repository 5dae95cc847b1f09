using System.Text.Json;
using DrivePower.Ocpp.Frames;

namespace DrivePower.Tests.Ocpp;

public class FrameParserTests
{
    [Fact]
    public void A_well_formed_call_is_read_with_its_id_action_and_payload()
    {
        var result = FrameParser.Parse("""[2,"abc","Heartbeat",{"x":1}]""");

        var call = Assert.IsType<CallFrame>(result.Frame);
        Assert.Equal("abc", call.MessageId);
        Assert.Equal("Heartbeat", call.Action);
        Assert.Equal(1, call.Payload.GetProperty("x").GetInt32());
    }

    [Fact]
    public void Call_results_and_call_errors_are_read()
    {
        var result = Assert.IsType<CallResultFrame>(FrameParser.Parse("""[3,"r1",{"status":"Accepted"}]""").Frame);
        var error = Assert.IsType<CallErrorFrame>(FrameParser.Parse("""[4,"e1","NotImplemented","nope",{}]""").Frame);

        Assert.Equal("Accepted", result.Payload.GetProperty("status").GetString());
        Assert.True(error.TryGetKnownCode(out var code));
        Assert.Equal(OcppErrorCode.NotImplemented, code);
        Assert.Equal("nope", error.ErrorDescription);
    }

    [Theory]
    [InlineData("""[2,"abc","Heartbeat",{}""", "-1", OcppErrorCode.RpcFrameworkError)] // unreadable JSON
    [InlineData("""not json at all""", "-1", OcppErrorCode.RpcFrameworkError)]
    [InlineData("", "-1", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""{"messageTypeId":2}""", "-1", OcppErrorCode.RpcFrameworkError)] // not an array
    [InlineData("\"text\"", "-1", OcppErrorCode.RpcFrameworkError)]
    [InlineData("[]", "-1", OcppErrorCode.RpcFrameworkError)] // wrong arity
    [InlineData("""[2,"abc","Heartbeat"]""", "abc", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""[2,"abc","Heartbeat",{},{}]""", "abc", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""[2]""", "-1", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""["2","abc","Heartbeat",{}]""", "abc", OcppErrorCode.RpcFrameworkError)] // type id not a number
    [InlineData("""[2.5,"abc","Heartbeat",{}]""", "abc", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""[5,"abc","Heartbeat",{}]""", "abc", OcppErrorCode.MessageTypeNotSupported)] // unknown type id
    [InlineData("""[6,"abc",{}]""", "abc", OcppErrorCode.MessageTypeNotSupported)]
    [InlineData("""[1,12,"Heartbeat",{}]""", "-1", OcppErrorCode.MessageTypeNotSupported)]
    [InlineData("""[2,12,"Heartbeat",{}]""", "-1", OcppErrorCode.RpcFrameworkError)] // id not a string
    [InlineData("""[2,null,"Heartbeat",{}]""", "-1", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""[2,"","Heartbeat",{}]""", "-1", OcppErrorCode.RpcFrameworkError)] // empty id
    [InlineData("""[2,"0123456789012345678901234567890123456","Heartbeat",{}]""", "-1", OcppErrorCode.RpcFrameworkError)] // 37 characters
    [InlineData("""[2,"abc",7,{}]""", "abc", OcppErrorCode.RpcFrameworkError)] // action not a string
    [InlineData("""[2,"abc","",{}]""", "abc", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""[2,"abc","Heartbeat",[]]""", "abc", OcppErrorCode.FormatViolation)] // payload not an object
    [InlineData("""[2,"abc","Heartbeat",null]""", "abc", OcppErrorCode.FormatViolation)]
    public void Every_malformed_call_is_answered_with_the_right_call_error(string text, string expectedId, OcppErrorCode expectedCode)
    {
        var result = FrameParser.Parse(text);

        Assert.False(result.IsValid);
        var error = Assert.IsType<CallErrorFrame>(result.Error);
        Assert.Equal(expectedId, error.MessageId);
        Assert.Equal(expectedCode.ToString(), error.ErrorCode);
        Assert.InRange(error.ErrorDescription.Length, 1, CallErrorFrame.MaxDescriptionLength);
        Assert.Equal(JsonValueKind.Object, error.ErrorDetails.ValueKind);
    }

    [Fact]
    public void An_id_of_exactly_36_characters_is_accepted()
    {
        var id = new string('x', 36);

        Assert.Equal(id, FrameParser.Parse($$"""[2,"{{id}}","Heartbeat",{}]""").Frame!.MessageId);
    }

    [Theory]
    [InlineData("""[3,"abc"]""")]
    [InlineData("""[3,"abc",[]]""")]
    [InlineData("""[4,"abc","GenericError",{}]""")]
    [InlineData("""[4,"abc",1,"d",{}]""")]
    [InlineData("""[4,"abc","GenericError","d",null]""")]
    public void A_malformed_response_is_dropped_without_an_answer(string text)
    {
        var result = FrameParser.Parse(text);

        Assert.Null(result.Frame);
        Assert.Null(result.Error);
        Assert.False(string.IsNullOrEmpty(result.Problem));
    }

    [Fact]
    public void Nothing_of_the_raw_input_is_echoed_in_the_error()
    {
        const string Secret = "<script>alert('x')</script>";
        var error = FrameParser.Parse($$"""[2,"abc",{"{{Secret}}":1},{}]""").Error!;
        var unreadable = FrameParser.Parse($$"""[2,"abc","{{Secret}}",{}""").Error!;

        Assert.DoesNotContain(Secret, FrameWriter.WriteString(error));
        Assert.DoesNotContain(Secret, FrameWriter.WriteString(unreadable));
    }

    [Fact]
    public void Frames_are_written_as_compact_arrays_with_empty_details_as_an_object()
    {
        var payload = JsonDocument.Parse("""{"currentTime":"2026-11-23T12:00:00Z"}""").RootElement;

        Assert.Equal("""[2,"1","Heartbeat",{}]""", FrameWriter.WriteString(new CallFrame("1", "Heartbeat", CallErrorFrame.EmptyObject)));
        Assert.Equal("""[3,"1",{"currentTime":"2026-11-23T12:00:00Z"}]""", FrameWriter.WriteString(new CallResultFrame("1", payload)));
        Assert.Equal("""[4,"1","NotImplemented","x",{}]""", FrameWriter.WriteString(CallErrorFrame.Create("1", OcppErrorCode.NotImplemented, "x")));
    }

    [Fact]
    public void A_long_error_description_is_cut_to_255_characters()
    {
        var error = CallErrorFrame.Create("1", OcppErrorCode.GenericError, new string('d', 1000));

        Assert.Equal(255, error.ErrorDescription.Length);
    }
}
