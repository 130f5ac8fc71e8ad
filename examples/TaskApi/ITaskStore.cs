namespace TaskApi;

/// <summary>
/// Where tasks live. Two implementations: <see cref="SqliteTaskStore"/> (the default, one file on one
/// machine) and <see cref="PostgresTaskStore"/> (when <c>ConnectionStrings:Tasks</c> is set; shared by
/// every instance). Program.cs registers one of them as a singleton.
/// </summary>
/// <remarks>
/// An interface, so FastEndpointsGen binds handler parameters of this type from DI. Neither store keeps
/// state in the process that another instance would need: ids come from the database. When the
/// database cannot be reached, every method throws <c>HttpError(503, "The database is unavailable")</c>
/// (see <see cref="DatabaseUnavailable"/>).
/// </remarks>
public interface ITaskStore
{
    /// <summary>Creates the <c>tasks</c> table if it is missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Completes when the database answers a trivial query; throws when it does not.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>Tasks in creation order, optionally only those with the given completion state.</summary>
    Task<IReadOnlyList<TaskItem>> ListAsync(bool? completed, int limit, CancellationToken cancellationToken);

    /// <summary>The task with the given id, or null.</summary>
    Task<TaskItem?> FindAsync(int id, CancellationToken cancellationToken);

    /// <summary>Stores a new task and returns it with its id.</summary>
    Task<TaskItem> AddAsync(NewTask task, CancellationToken cancellationToken);

    /// <summary>Changes the non-null values of a task; returns the updated task, or null when there is none with that id.</summary>
    Task<TaskItem?> UpdateAsync(int id, string? title, bool? completed, CancellationToken cancellationToken);

    /// <summary>Deletes a task; false when there is none with that id.</summary>
    Task<bool> RemoveAsync(int id, CancellationToken cancellationToken);
}
