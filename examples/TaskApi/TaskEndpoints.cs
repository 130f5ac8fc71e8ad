using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using FastEndpointsGen;
using Microsoft.AspNetCore.Mvc;

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
    /// <param name="feed">Where changes are announced (a service).</param>
    /// <returns>The created task, with its identifier.</returns>
    [Post("/", Name = "CreateTask", StatusCode = 201)]
    public static async Task<TaskItem> Create(NewTask task, ITaskStore store, TaskFeed feed, CancellationToken cancellationToken)
    {
        var created = await store.AddAsync(task, cancellationToken);
        feed.Publish("created", created.Id, created);
        return created;
    }

    /// <summary>Mark a task as completed</summary>
    /// <remarks>Idempotent: completing a completed task changes nothing.</remarks>
    /// <param name="id">The task's identifier.</param>
    /// <param name="store">The task store (a service).</param>
    /// <param name="feed">Where changes are announced (a service).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>The updated task.</returns>
    /// <response code="404">No task has this identifier.</response>
    [Post("/{id}/complete", Name = "CompleteTask")]
    public static async Task<TaskItem> Complete(int id, ITaskStore store, TaskFeed feed, CancellationToken cancellationToken) =>
        Updated(feed, await store.UpdateAsync(id, title: null, completed: true, cancellationToken));

    /// <summary>Update a task</summary>
    /// <remarks>Only the members present in the body change.</remarks>
    /// <param name="id">The task's identifier.</param>
    /// <param name="update">The members to change.</param>
    /// <param name="store">The task store (a service).</param>
    /// <param name="feed">Where changes are announced (a service).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>The updated task.</returns>
    /// <response code="404">No task has this identifier.</response>
    [Patch("/{id}", Name = "UpdateTask")]
    public static async Task<TaskItem> Update(int id, TaskUpdate update, ITaskStore store, TaskFeed feed, CancellationToken cancellationToken) =>
        Updated(feed, await store.UpdateAsync(id, update.Title, update.Completed, cancellationToken));

    /// <summary>Delete a task</summary>
    /// <param name="id">The task's identifier.</param>
    /// <param name="store">The task store (a service).</param>
    /// <param name="feed">Where changes are announced (a service).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="404">No task has this identifier.</response>
    [Delete("/{id}", Name = "DeleteTask")]
    public static async Task Delete(int id, ITaskStore store, TaskFeed feed, CancellationToken cancellationToken)
    {
        if (!await store.RemoveAsync(id, cancellationToken))
        {
            throw new HttpError(404, "Task not found");
        }

        feed.Publish("deleted", id, null);
    }

    /// <summary>Task changes as server-sent events</summary>
    /// <remarks>
    /// Every task created, updated or deleted through this instance, as it happens, for as long as the client stays
    /// connected: one event per change, its type the kind of change (<c>created</c>, <c>updated</c>, <c>deleted</c>)
    /// and its <c>id:</c> a version number. The first event of every stream is <c>ready</c>. A browser's
    /// <c>EventSource</c> reconnects by itself with <c>Last-Event-ID</c> and receives the changes it missed (the last
    /// 256 are kept).
    /// </remarks>
    /// <param name="feed">The in-process broadcaster (a service).</param>
    /// <param name="lastEventId">The last version the client saw, sent by a reconnecting EventSource.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>The stream of changes.</returns>
    [Get("/events", Name = "TaskEvents")]
    public static async IAsyncEnumerable<SseItem<TaskChange>> Events(TaskFeed feed,
        [FromHeader(Name = "Last-Event-ID")] long? lastEventId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (version, change) in feed.SubscribeAsync(lastEventId, cancellationToken))
        {
            yield return new SseItem<TaskChange>(change, change.Kind) { EventId = version.ToString(CultureInfo.InvariantCulture) };
        }
    }

    private static TaskItem Updated(TaskFeed feed, TaskItem? task)
    {
        if (task is null)
        {
            throw new HttpError(404, "Task not found");
        }

        feed.Publish("updated", task.Id, task);
        return task;
    }
}
