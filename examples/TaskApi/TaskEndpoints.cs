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
    /// <param name="completed">Only tasks with this completion state; all tasks when left out.</param>
    /// <param name="limit">The most tasks to return (1 to 100).</param>
    /// <returns>The matching tasks.</returns>
    [Get("/", Name = "ListTasks")]
    public static IReadOnlyList<TaskItem> List(TaskStore store, bool? completed = null, [Range(1, 100)] int limit = 50) =>
        store.List(completed, limit);

    /// <summary>Get a task</summary>
    /// <param name="id">The task's identifier.</param>
    /// <param name="store">The task store (a service).</param>
    /// <returns>The task.</returns>
    /// <response code="404">No task has this identifier.</response>
    [Get("/{id}", Name = "GetTask")]
    public static TaskItem Get(int id, TaskStore store) =>
        store.Find(id) ?? throw new HttpError(404, "Task not found");

    /// <summary>Create a task</summary>
    /// <param name="task">The new task.</param>
    /// <param name="store">The task store (a service).</param>
    /// <returns>The created task, with its identifier.</returns>
    [Post("/", Name = "CreateTask", StatusCode = 201)]
    public static TaskItem Create(NewTask task, TaskStore store) => store.Add(task);

    /// <summary>Mark a task as completed</summary>
    /// <remarks>Idempotent: completing a completed task changes nothing.</remarks>
    /// <param name="id">The task's identifier.</param>
    /// <param name="store">The task store (a service).</param>
    /// <returns>The updated task.</returns>
    /// <response code="404">No task has this identifier.</response>
    [Post("/{id}/complete", Name = "CompleteTask")]
    public static TaskItem Complete(int id, TaskStore store) =>
        store.Update(id, title: null, completed: true) ?? throw new HttpError(404, "Task not found");

    /// <summary>Update a task</summary>
    /// <remarks>Only the members present in the body change.</remarks>
    /// <param name="id">The task's identifier.</param>
    /// <param name="update">The members to change.</param>
    /// <param name="store">The task store (a service).</param>
    /// <returns>The updated task.</returns>
    /// <response code="404">No task has this identifier.</response>
    [Patch("/{id}", Name = "UpdateTask")]
    public static TaskItem Update(int id, TaskUpdate update, TaskStore store) =>
        store.Update(id, update.Title, update.Completed) ?? throw new HttpError(404, "Task not found");

    /// <summary>Delete a task</summary>
    /// <param name="id">The task's identifier.</param>
    /// <param name="store">The task store (a service).</param>
    /// <response code="404">No task has this identifier.</response>
    [Delete("/{id}", Name = "DeleteTask")]
    public static void Delete(int id, TaskStore store)
    {
        if (!store.Remove(id))
        {
            throw new HttpError(404, "Task not found");
        }
    }
}
