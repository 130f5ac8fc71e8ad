using System.ComponentModel.DataAnnotations;
using FastEndpointsGen;

namespace TaskApi;

/// <summary>Task management.</summary>
[EndpointGroup("/tasks", Tags = ["Tasks"])]
public static class TaskEndpoints
{
    /// <summary>List tasks</summary>
    /// <remarks>Tasks are returned oldest first.</remarks>
    /// <param name="store">The task store (a service).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <param name="completed">Only tasks with this completion state; all tasks when left out.</param>
    /// <param name="limit">The most tasks to return (1 to 100).</param>
    /// <returns>The matching tasks.</returns>
    [Get("/", Name = "ListTasks")]
    public static Task<IReadOnlyList<TaskItem>> List(ITaskStore store, CancellationToken cancellationToken,
        bool? completed = null, [Range(1, 100)] int limit = 50) =>
        store.ListAsync(completed, limit, cancellationToken);

    /// <summary>Get a task</summary>
    /// <param name="id">The task's identifier.</param>
    /// <param name="store">The task store (a service).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>The task.</returns>
    /// <response code="404">No task has this identifier.</response>
    [Get("/{id}", Name = "GetTask")]
    public static async Task<TaskItem> Get(int id, ITaskStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) ?? throw new HttpError(404, "Task not found");

    /// <summary>Create a task</summary>
    /// <param name="task">The new task.</param>
    /// <param name="store">The task store (a service).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>The created task, with its identifier.</returns>
    [Post("/", Name = "CreateTask", StatusCode = 201)]
    public static Task<TaskItem> Create(NewTask task, ITaskStore store, CancellationToken cancellationToken) =>
        store.AddAsync(task, cancellationToken);

    /// <summary>Mark a task as completed</summary>
    /// <remarks>Idempotent: completing a completed task changes nothing.</remarks>
    /// <param name="id">The task's identifier.</param>
    /// <param name="store">The task store (a service).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>The updated task.</returns>
    /// <response code="404">No task has this identifier.</response>
    [Post("/{id}/complete", Name = "CompleteTask")]
    public static async Task<TaskItem> Complete(int id, ITaskStore store, CancellationToken cancellationToken) =>
        await store.UpdateAsync(id, title: null, completed: true, cancellationToken) ?? throw new HttpError(404, "Task not found");

    /// <summary>Update a task</summary>
    /// <remarks>Only the members present in the body change.</remarks>
    /// <param name="id">The task's identifier.</param>
    /// <param name="update">The members to change.</param>
    /// <param name="store">The task store (a service).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>The updated task.</returns>
    /// <response code="404">No task has this identifier.</response>
    [Patch("/{id}", Name = "UpdateTask")]
    public static async Task<TaskItem> Update(int id, TaskUpdate update, ITaskStore store, CancellationToken cancellationToken) =>
        await store.UpdateAsync(id, update.Title, update.Completed, cancellationToken) ?? throw new HttpError(404, "Task not found");

    /// <summary>Delete a task</summary>
    /// <param name="id">The task's identifier.</param>
    /// <param name="store">The task store (a service).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="404">No task has this identifier.</response>
    [Delete("/{id}", Name = "DeleteTask")]
    public static async Task Delete(int id, ITaskStore store, CancellationToken cancellationToken)
    {
        if (!await store.RemoveAsync(id, cancellationToken))
        {
            throw new HttpError(404, "Task not found");
        }
    }
}
