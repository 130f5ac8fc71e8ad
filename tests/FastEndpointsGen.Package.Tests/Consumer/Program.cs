// A fresh web project that uses FastEndpointsGen only through its NuGet package: the README's example.
using FastEndpointsGen;
using System.ComponentModel.DataAnnotations;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddFastEndpointsGen(o => o.Title = "Tasks API");
builder.Services.AddSingleton<TaskStore>();
var app = builder.Build();
app.MapGeneratedEndpoints();
app.MapApiDocs();
app.Run();

/// <summary>Task management.</summary>
[EndpointGroup("/tasks", Tags = ["Tasks"])]
public static class TaskEndpoints
{
    /// <summary>List tasks</summary>
    /// <param name="store">The task store.</param>
    /// <param name="completed">Only tasks with this completion state.</param>
    /// <param name="limit">At most this many tasks.</param>
    [Get("/")]
    public static IReadOnlyList<TaskItem> List(TaskStore store, bool? completed = null,
        [Range(1, 100)] int limit = 50) => store.List(completed, limit);

    [Get("/{id}")]
    public static TaskItem Get(int id, TaskStore store) =>
        store.Find(id) ?? throw new HttpError(404, "Task not found");

    [Post("/", StatusCode = 201)]
    public static TaskItem Create(NewTask task, TaskStore store) => store.Add(task);

    [Get("/{id}/title")]
    public static string Title(int id, TaskStore store) => Get(id, store).Title;

    [Delete("/{id}")]
    public static void Delete(int id, TaskStore store) => store.Remove(id);

    /// <summary>Say hello</summary>
    [Get("/greeting")]
    public static Contracts.Greeting Greet() => new("Hello");

    [Get("/search")]
    public static string[] Search([Microsoft.AspNetCore.Mvc.FromHeader(Name = "X-Term")] string term, string[] tag) => [term, .. tag];
}

public sealed record NewTask([Required, StringLength(200, MinimumLength = 1)] string Title,
                             bool Completed = false);

public sealed record TaskItem(int Id, string Title, bool Completed);

public sealed class TaskStore
{
    private readonly List<TaskItem> _items = [];

    public IReadOnlyList<TaskItem> List(bool? completed, int limit) =>
        _items.Where(t => completed is null || t.Completed == completed).Take(limit).ToList();

    public TaskItem? Find(int id) => _items.FirstOrDefault(t => t.Id == id);

    public TaskItem Add(NewTask task)
    {
        var item = new TaskItem(_items.Count + 1, task.Title, task.Completed);
        _items.Add(item);
        return item;
    }

    public void Remove(int id) => _items.RemoveAll(t => t.Id == id);
}
