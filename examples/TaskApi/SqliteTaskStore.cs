using Microsoft.Data.Sqlite;

namespace TaskApi;

/// <summary>
/// Stores tasks in SQLite: the default, for one instance on one machine. The database is the file named
/// by the configuration key <c>TaskApi:Database</c> (relative paths are resolved against the content
/// root; default <c>tasks.db</c>), or a private in-memory database when the key is <c>:memory:</c>.
/// </summary>
/// <remarks>
/// <para>
/// Concurrency: the file is in WAL mode, so readers never wait for the writer and the writer never waits
/// for readers. SQLite allows one writer at a time; writes from this process take turns on a semaphore
/// (so they never race each other for the write lock), and every connection waits up to
/// <see cref="BusyTimeout"/> for a lock held by another process instead of failing at once with
/// <c>SQLITE_BUSY</c> ("database is locked").
/// </para>
/// <para>
/// Microsoft.Data.Sqlite has no truly asynchronous I/O: its <c>…Async</c> methods complete synchronously.
/// The store offers the async <see cref="ITaskStore"/> anyway so that handlers are written once for both stores.
/// </para>
/// </remarks>
public sealed class SqliteTaskStore : ITaskStore, IDisposable
{
    /// <summary>The configuration key that names the database.</summary>
    public const string DatabaseKey = "TaskApi:Database";

    /// <summary>How long a statement waits for a lock held by another connection before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private const string Columns = "id, title, completed";

    private readonly string _connectionString;
    private readonly ILogger<SqliteTaskStore> _logger;
    private readonly SemaphoreSlim _turns = new(1, 1);

    // An in-memory database lives exactly as long as its connection, so it gets one connection for the
    // app's lifetime; SqliteConnection is not thread-safe, so every use of it, read or write, takes turns.
    private readonly SqliteConnection? _memory;

    /// <summary>Names the configured database; <see cref="InitializeAsync"/> creates it.</summary>
    public SqliteTaskStore(IConfiguration configuration, IHostEnvironment environment, ILogger<SqliteTaskStore> logger)
    {
        _logger = logger;
        var database = configuration[DatabaseKey];
        if (string.IsNullOrWhiteSpace(database))
        {
            database = "tasks.db";
        }

        if (database == ":memory:")
        {
            _connectionString = new SqliteConnectionStringBuilder { DataSource = ":memory:" }.ToString();
            _memory = new SqliteConnection(_connectionString);
            _memory.Open();
        }
        else
        {
            var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, database));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            }.ToString();
        }
    }

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken) => Write(async connection =>
    {
        if (_memory is null)
        {
            // WAL is a property of the file: set once, every later connection uses it.
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL", cancellationToken);
        }

        return await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS tasks (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                title     TEXT    NOT NULL,
                completed INTEGER NOT NULL DEFAULT 0
            )
            """, cancellationToken);
    });

    /// <inheritdoc/>
    public Task PingAsync(CancellationToken cancellationToken) =>
        Read(connection => ExecuteAsync(connection, "SELECT count(*) FROM tasks WHERE 0", cancellationToken));

    /// <inheritdoc/>
    public Task<IReadOnlyList<TaskItem>> ListAsync(bool? completed, int limit, CancellationToken cancellationToken) => Read(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM tasks
            WHERE $completed IS NULL OR completed = $completed
            ORDER BY id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$completed", (object?)completed ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tasks = new List<TaskItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tasks.Add(ReadTask(reader));
        }

        return (IReadOnlyList<TaskItem>)tasks;
    });

    /// <inheritdoc/>
    public Task<TaskItem?> FindAsync(int id, CancellationToken cancellationToken) => Read(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM tasks WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await ReadSingleAsync(command, cancellationToken);
    });

    /// <inheritdoc/>
    public Task<TaskItem> AddAsync(NewTask task, CancellationToken cancellationToken) => Write(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO tasks (title, completed) VALUES ($title, $completed) RETURNING {Columns}";
        command.Parameters.AddWithValue("$title", task.Title);
        command.Parameters.AddWithValue("$completed", task.Completed);
        return (await ReadSingleAsync(command, cancellationToken))!;
    });

    /// <inheritdoc/>
    public Task<TaskItem?> UpdateAsync(int id, string? title, bool? completed, CancellationToken cancellationToken) => Write(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE tasks
            SET title = coalesce($title, title), completed = coalesce($completed, completed)
            WHERE id = $id
            RETURNING {Columns}
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$title", (object?)title ?? DBNull.Value);
        command.Parameters.AddWithValue("$completed", (object?)completed ?? DBNull.Value);
        return await ReadSingleAsync(command, cancellationToken);
    });

    /// <inheritdoc/>
    public Task<bool> RemoveAsync(int id, CancellationToken cancellationToken) => Write(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM tasks WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    });

    /// <summary>Closes the in-memory database, if that is the one in use.</summary>
    public void Dispose()
    {
        _memory?.Dispose();
        _turns.Dispose();
    }

    // Reads on a file run side by side (WAL); writes, and everything on the single in-memory connection, take turns.
    private Task<T> Read<T>(Func<SqliteConnection, Task<T>> work) =>
        _memory is null ? OnNewConnection(work) : TakingTurns(() => work(_memory));

    private Task<T> Write<T>(Func<SqliteConnection, Task<T>> work) =>
        TakingTurns(() => _memory is null ? OnNewConnection(work) : work(_memory));

    private async Task<T> TakingTurns<T>(Func<Task<T>> work)
    {
        await _turns.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            _turns.Release();
        }
    }

    // File databases: a connection per call (Microsoft.Data.Sqlite pools them), told to wait for locks.
    private async Task<T> OnNewConnection<T>(Func<SqliteConnection, Task<T>> work)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync();
            return await work(connection);
        }
        catch (SqliteException exception) when (IsUnavailable(exception))
        {
            throw DatabaseUnavailable.Error(_logger, exception);
        }
    }

    // Locked for longer than the busy timeout, or the file cannot be opened or read: not the request's fault.
    private static bool IsUnavailable(SqliteException exception) => exception.SqliteErrorCode is
        5 /* SQLITE_BUSY */ or 6 /* SQLITE_LOCKED */ or 10 /* SQLITE_IOERR */ or 14 /* SQLITE_CANTOPEN */;

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<TaskItem?> ReadSingleAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadTask(reader) : null;
    }

    private static TaskItem ReadTask(SqliteDataReader reader) =>
        new(reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2));
}
