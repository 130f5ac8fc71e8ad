using System;
using System.Buffers;
using System.Text.Json;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> per thread, pointed at the response's <c>BodyWriter</c> for the
/// duration of a synchronous write. Writing never awaits, so a thread-static writer is safe and a
/// response allocates no writer at all.
/// </summary>
internal static class PooledJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        var writer = t_writer;
        if (writer is null)
        {
            return new Utf8JsonWriter(output, Options);
        }

        t_writer = null;
        writer.Reset(output);
        return writer;
    }

    public static void Return(Utf8JsonWriter writer)
    {
        writer.Flush();
        // Detach from the response pipe so the cached writer holds on to nothing of the request.
        writer.Reset(NullBufferWriter.Instance);
        t_writer = writer;
    }

    private sealed class NullBufferWriter : IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count)
        {
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException();

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException();
    }
}
