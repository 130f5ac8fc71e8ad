using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace TaskApi;

/// <summary>One change to the tasks, as sent to <c>GET /tasks/events</c> subscribers.</summary>
/// <param name="Kind"><c>ready</c> (the first event of every stream), <c>created</c>, <c>updated</c> or <c>deleted</c>.</param>
/// <param name="Id">The changed task's identifier (0 for <c>ready</c>).</param>
/// <param name="Item">The task after the change; null for <c>ready</c> and <c>deleted</c>.</param>
public sealed record TaskChange(string Kind, int Id, TaskItem? Item);

/// <summary>
/// The in-process broadcaster behind <c>GET /tasks/events</c>: the endpoints that change tasks publish here, and
/// every open event stream receives each change, numbered by a version that is the event's <c>id:</c>.
/// </summary>
/// <remarks>
/// The last <see cref="Retained"/> changes are kept, so a client that reconnects with <c>Last-Event-ID</c> (as
/// EventSource does by itself) gets what it missed. A subscriber that falls <see cref="Backlog"/> changes behind
/// is disconnected rather than buffered without bound; its EventSource reconnects and catches up from the
/// retained changes. Changes are those made through this instance: instances sharing a PostgreSQL database
/// each broadcast their own (docs/deployment.md).
/// </remarks>
public sealed class TaskFeed
{
    /// <summary>How many recent changes a reconnecting client can catch up on.</summary>
    public const int Retained = 256;

    /// <summary>How many unsent changes a slow subscriber may have before it is disconnected.</summary>
    public const int Backlog = 1024;

    private readonly object _gate = new();
    private readonly List<Channel<(long Version, TaskChange Change)>> _subscribers = [];
    private readonly Queue<(long Version, TaskChange Change)> _recent = new();
    private long _version;

    /// <summary>The number of open subscriptions.</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Sends a change to every subscriber.</summary>
    public void Publish(string kind, int id, TaskItem? item)
    {
        var change = new TaskChange(kind, id, item);
        lock (_gate)
        {
            var entry = (++_version, change);
            _recent.Enqueue(entry);
            if (_recent.Count > Retained)
            {
                _recent.Dequeue();
            }

            foreach (var subscriber in _subscribers)
            {
                if (!subscriber.Writer.TryWrite(entry))
                {
                    subscriber.Writer.TryComplete(); // too far behind: end its stream, it reconnects and catches up
                }
            }
        }
    }

    /// <summary>
    /// A <c>ready</c> change carrying the current version, then the retained changes after <paramref name="after"/>
    /// (a reconnecting client's <c>Last-Event-ID</c>), then every change as it is published, until cancelled.
    /// </summary>
    public async IAsyncEnumerable<(long Version, TaskChange Change)> SubscribeAsync(long? after,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<(long, TaskChange)>(new BoundedChannelOptions(Backlog) { SingleReader = true });
        List<(long Version, TaskChange Change)> missed;
        long current;
        lock (_gate)
        {
            _subscribers.Add(channel);
            current = _version;
            missed = after is { } last ? _recent.Where(r => r.Version > last).ToList() : [];
        }

        try
        {
            yield return (current, new TaskChange("ready", 0, null));
            foreach (var change in missed)
            {
                yield return change;
            }

            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
