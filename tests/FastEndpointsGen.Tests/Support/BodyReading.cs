using System.Text;
using NUnit.Framework;

namespace FastEndpointsGen.Tests.Support;

/// <summary>Reads a streamed response body piece by piece, so a test can act between items.</summary>
public static class BodyReading
{
    /// <summary>Reads until the text so far ends with <paramref name="expected"/>; fails on end of stream.</summary>
    public static async Task<string> ReadUntilAsync(Stream body, string expected, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new byte[256];
        while (!text.ToString().EndsWith(expected, StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                Assert.Fail($"The stream ended after '{text}' while waiting for '{expected}'.");
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    public static async Task<string> ReadToEndAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>
    /// Reads text up to and including the next <paramref name="marker"/>, keeping what was read past it for the next
    /// call: a chunk may hold the end of one event and the start of the next.
    /// </summary>
    public static async Task<string> ReadThroughAsync(Stream body, StringBuilder pending, string marker, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        int index;
        while ((index = pending.ToString().IndexOf(marker, StringComparison.Ordinal)) < 0)
        {
            var read = await body.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                Assert.Fail($"The stream ended after '{pending}' while waiting for '{marker}'.");
            }

            pending.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        var text = pending.ToString(0, index + marker.Length);
        pending.Remove(0, index + marker.Length);
        return text;
    }
}
