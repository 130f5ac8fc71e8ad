using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> and one buffer per thread. A response is written into the buffer,
/// then copied to <c>Response.BodyWriter</c> with its <c>Content-Length</c> set, so small JSON
/// responses go out in one write without chunked framing. Writing never awaits, so thread-static
/// state is safe, and a response allocates neither writer nor buffer.
/// </summary>
internal static class PooledJsonWriter
{
    // Buffers that grew past this for one large response are dropped rather than kept per thread.
    private const int MaxRetainedBytes = 256 * 1024;

    /// <summary>How models are written: the generated writers produce valid JSON, so the checks are skipped.</summary>
    internal static readonly JsonWriterOptions ModelOptions = new() { SkipValidation = true };

    // Error messages quote values ('Low' or 'High') the way FastAPI prints them, unescaped.
    internal static readonly JsonWriterOptions ErrorOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static State? t_state;

    /// <summary>Takes the thread's writer, pointed at an empty buffer.</summary>
    public static Utf8JsonWriter Rent(bool forErrors = false)
    {
        var state = t_state ??= new State();
        state.Buffer.ResetWrittenCount();
        var writer = forErrors ? state.ErrorWriter : state.ModelWriter;
        writer.Reset(state.Buffer);
        return writer;
    }

    /// <summary>Sends what was written as the response body, with its length.</summary>
    public static void CopyTo(Utf8JsonWriter writer, HttpResponse response)
    {
        writer.Flush();
        var state = t_state!;
        var written = state.Buffer.WrittenSpan;
        response.ContentLength = written.Length;
        response.BodyWriter.Write(written);
        if (state.Buffer.Capacity > MaxRetainedBytes)
        {
            t_state = null;
        }
    }

    private sealed class State
    {
        public readonly ArrayBufferWriter<byte> Buffer = new(1024);
        public readonly Utf8JsonWriter ModelWriter;
        public readonly Utf8JsonWriter ErrorWriter;

        public State()
        {
            ModelWriter = new Utf8JsonWriter(Buffer, ModelOptions);
            ErrorWriter = new Utf8JsonWriter(Buffer, ErrorOptions);
        }
    }
}
