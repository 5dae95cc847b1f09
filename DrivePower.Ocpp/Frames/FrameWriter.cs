using System.Buffers;
using System.Text.Json;

namespace DrivePower.Ocpp.Frames;

/// <summary>Writes OCPP-J frames as compact UTF-8 JSON arrays.</summary>
public static class FrameWriter
{
    public static byte[] Write(OcppFrame frame)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue((int)frame.Type);
            writer.WriteStringValue(frame.MessageId);
            switch (frame)
            {
                case CallFrame call:
                    writer.WriteStringValue(call.Action);
                    call.Payload.WriteTo(writer);
                    break;
                case CallResultFrame result:
                    result.Payload.WriteTo(writer);
                    break;
                case CallErrorFrame error:
                    writer.WriteStringValue(error.ErrorCode);
                    writer.WriteStringValue(error.ErrorDescription);
                    error.ErrorDetails.WriteTo(writer);
                    break;
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string WriteString(OcppFrame frame) => System.Text.Encoding.UTF8.GetString(Write(frame));
}
