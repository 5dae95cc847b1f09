using System.Buffers;
using System.Text.Json;

namespace DrivePower.Ocpp.Frames;

/// <summary>Writes OCPP-J frames as compact UTF-8 JSON arrays.</summary>
public static class FrameWriter
{
    // One buffer and writer per thread, reused: a frame is written in one synchronous go, and a buffer
    // grown for a large frame once need not grow again (only the frame's own bytes are allocated).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>A buffer kept for the next frame is shrunk back when a frame made it larger than this.</summary>
    private const int KeptBufferSize = 64 * 1024;

    public static byte[] Write(OcppFrame frame)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        try
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
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.ResetWrittenCount();
            if (buffer.Capacity > KeptBufferSize)
                (t_buffer, t_writer) = (null, null);
        }
    }

    public static string WriteString(OcppFrame frame) => System.Text.Encoding.UTF8.GetString(Write(frame));
}
