using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace FastEndpointsGen.TestApp;

/// <summary>A small model streamed by the streaming endpoints.</summary>
public sealed record Tick(int Sequence, string Label, IReadOnlyList<string> Tags);

/// <summary>
/// Lets a test decide when a streaming handler produces its next item, and see when the handler was
/// cancelled. One <see cref="Gate"/> per key, so tests never share state.
/// </summary>
public sealed class StreamGates
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public Gate For(string key) => _gates.GetOrAdd(key, static _ => new Gate());

    public sealed class Gate
    {
        /// <summary>Released by the test: the handler may produce its next item.</summary>
        public SemaphoreSlim Next { get; } = new(0);

        /// <summary>The handler's enumeration was cancelled (the client went away).</summary>
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>When each item was produced, in <see cref="Stopwatch.GetTimestamp"/> ticks, by item.</summary>
        public ConcurrentDictionary<int, long> ProducedAt { get; } = new();
    }
}

/// <summary>Handlers that return <c>IAsyncEnumerable&lt;T&gt;</c>: JSON arrays streamed item by item (docs/responses.md).</summary>
[EndpointGroup("/streams", Tags = ["Streams"])]
public static class StreamingEndpoints
{
    [Get("/numbers")]
    public static async IAsyncEnumerable<int> Numbers()
    {
        for (var i = 1; i <= 3; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    [Get("/words")]
    public static async IAsyncEnumerable<string?> Words()
    {
        await Task.Yield();
        yield return "one";
        yield return null;
        yield return "quote \" and é";
    }

    [Get("/ticks")]
    public static async IAsyncEnumerable<Tick> Ticks([Range(0, 1_000_000)] int count = 2, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= count; i++)
        {
            // A producer that mostly has the next item at hand, as a database reader does.
            if (i % 1000 == 0)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return new Tick(i, "tick", ["a", "b"]);
        }
    }

    [Get("/batches")]
    public static async Task<IAsyncEnumerable<List<int>>> Batches()
    {
        await Task.Yield();
        return Produce();

        static async IAsyncEnumerable<List<int>> Produce()
        {
            await Task.Yield();
            yield return [1, 2];
            yield return [];
        }
    }

    /// <summary>JSON Lines: one value per line, strings with newlines escaped as in any JSON.</summary>
    [Get("/lines", Stream = StreamFormat.JsonLines)]
    public static async IAsyncEnumerable<Tick> Lines()
    {
        await Task.Yield();
        yield return new Tick(1, "one", ["a"]);
        yield return new Tick(2, "two\nlines", []);
    }

    [Get("/empty-lines", Stream = StreamFormat.JsonLines)]
    public static async IAsyncEnumerable<int> EmptyLines()
    {
        await Task.Yield();
        yield break;
    }

    [Get("/empty")]
    public static async IAsyncEnumerable<Tick> Empty()
    {
        await Task.Yield();
        yield break;
    }

    /// <summary>
    /// Produces item 1, then each further item only when the test releases the gate. The handler binds no
    /// token itself: the iterator's token is the one the generated code passes to <c>GetAsyncEnumerator</c>.
    /// </summary>
    [Get("/gated")]
    public static IAsyncEnumerable<int> Gated(string key, StreamGates gates) => ProduceGated(gates.For(key));

    private static async IAsyncEnumerable<int> ProduceGated(StreamGates.Gate gate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= 3; i++)
        {
            if (i > 1)
            {
                try
                {
                    await gate.Next.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    gate.Cancelled.TrySetResult();
                    throw;
                }
            }

            gate.ProducedAt[i] = Stopwatch.GetTimestamp();
            yield return i;
        }
    }

    [Get("/fails-first")]
    public static async IAsyncEnumerable<int> FailsFirst()
    {
        await Task.Yield();
        throw new InvalidOperationException("The stream failed before its first item.");
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }

    [Get("/fails-later")]
    public static async IAsyncEnumerable<int> FailsLater()
    {
        yield return 1;
        await Task.Yield();
        throw new InvalidOperationException("The stream failed after its first item.");
    }
}
