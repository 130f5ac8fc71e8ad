using System.ComponentModel.DataAnnotations;

namespace TaskApi;

/// <summary>A task as stored and returned by the API.</summary>
/// <param name="Id">The task's identifier, assigned by the server.</param>
/// <param name="Title">What needs doing.</param>
/// <param name="Completed">Whether the task is done.</param>
public sealed record TaskItem(int Id, string Title, bool Completed);

/// <summary>The body of <c>POST /tasks/</c>.</summary>
/// <param name="Title">What needs doing (1 to 200 characters).</param>
/// <param name="Completed">Whether the task starts out done. Default false.</param>
public sealed record NewTask(
    [Required, StringLength(200, MinimumLength = 1)] string Title,
    bool Completed = false);

/// <summary>The body of <c>PATCH /tasks/{id}</c>: members left out (or null) keep their current value.</summary>
/// <param name="Title">A new title (1 to 200 characters).</param>
/// <param name="Completed">A new completion state.</param>
public sealed record TaskUpdate(
    [StringLength(200, MinimumLength = 1)] string? Title = null,
    bool? Completed = null);
