using Microsoft.Data.Sqlite;

namespace TaskApi;

/// <summary>
/// Stores tasks in SQLite. The database is the file named by the configuration key <c>TaskApi:Database</c>
/// (relative paths are resolved against the content root; default <c>tasks.db</c>), or a private
/// in-memory database when the key is <c>:memory:</c>.
/// </summary>
/// <remarks>
/// Registered as a singleton. It is a concrete class with no public data members, so FastEndpointsGen
/// binds handler parameters of this type from DI.
/// </remarks>
public sealed class TaskStore : IDisposable
{
    /// <summary>The configuration key that names the database.</summary>
    public const string DatabaseKey = "TaskApi:Database";

    private const string Columns = "id, title, completed";

    private readonly string _connectionString;

    // An in-memory database lives exactly as long as its connection, so it gets one connection for
    // the app's lifetime; SqliteConnection is not thread-safe, so every use of it takes the lock.
    private readonly SqliteConnection? _memory;
    private readonly Lock _memoryLock = new();

    /// <summary>Opens (creating if needed) the configured database and its <c>tasks</c> table.</summary>
    public TaskStore(IConfiguration configuration, IHostEnvironment environment)
    {
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
            _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        }

        Execute(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS tasks (
                    id        INTEGER PRIMARY KEY AUTOINCREMENT,
                    title     TEXT    NOT NULL,
                    completed INTEGER NOT NULL DEFAULT 0
                )
                """;
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>Tasks in creation order, optionally only those with the given completion state.</summary>
    public IReadOnlyList<TaskItem> List(bool? completed, int limit) => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM tasks
            WHERE $completed IS NULL OR completed = $completed
            ORDER BY id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$completed", (object?)completed ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var tasks = new List<TaskItem>();
        while (reader.Read())
        {
            tasks.Add(ReadTask(reader));
        }

        return tasks;
    });

    /// <summary>The task with the given id, or null.</summary>
    public TaskItem? Find(int id) => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM tasks WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return ReadSingle(command);
    });

    /// <summary>Stores a new task and returns it with its id.</summary>
    public TaskItem Add(NewTask task) => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO tasks (title, completed) VALUES ($title, $completed) RETURNING {Columns}";
        command.Parameters.AddWithValue("$title", task.Title);
        command.Parameters.AddWithValue("$completed", task.Completed);
        return ReadSingle(command)!;
    });

    /// <summary>Changes the non-null values of a task; returns the updated task, or null when there is none with that id.</summary>
    public TaskItem? Update(int id, string? title, bool? completed) => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE tasks
            SET title = coalesce($title, title), completed = coalesce($completed, completed)
            WHERE id = $id
            RETURNING {Columns}
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$title", (object?)title ?? DBNull.Value);
        command.Parameters.AddWithValue("$completed", (object?)completed ?? DBNull.Value);
        return ReadSingle(command);
    });

    /// <summary>Deletes a task; false when there is none with that id.</summary>
    public bool Remove(int id) => Execute(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM tasks WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() > 0;
    });

    /// <summary>Closes the in-memory database, if that is the one in use.</summary>
    public void Dispose() => _memory?.Dispose();

    private T Execute<T>(Func<SqliteConnection, T> work)
    {
        if (_memory is not null)
        {
            lock (_memoryLock)
            {
                return work(_memory);
            }
        }

        // File databases: a connection per call; Microsoft.Data.Sqlite pools them.
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return work(connection);
    }

    private static TaskItem? ReadSingle(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadTask(reader) : null;
    }

    private static TaskItem ReadTask(SqliteDataReader reader) =>
        new(reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2));
}
