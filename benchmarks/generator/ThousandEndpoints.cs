using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FastEndpointsGen.Benchmarks;

/// <summary>One C# file of the generated web project: its path relative to the project and its text.</summary>
internal sealed record ProjectSource(string Path, string Text);

/// <summary>
/// The source of a web API with many endpoints, the shape a large real service has: handler classes
/// of ten endpoints each (GET by id, GET with query parameters, POST/PUT/PATCH with a validated JSON
/// body, DELETE, an async POST, a text response), their model types, a few model types they all
/// share, XML docs on every third class and an <c>[EndpointGroup]</c> on every other one.
/// The generator benchmark (<c>measure.sh</c>) writes it to disk and builds it; the generator tests
/// compile it in memory. Both read it from here, so they measure and check the same project.
/// </summary>
internal static class ThousandEndpoints
{
    public const int EndpointsPerClass = 10;

    /// <summary>
    /// <c>Program.cs</c>, the shared files, then one handler file and one model file per class. With
    /// <paramref name="minimalApi"/>, the same endpoints written as a minimal API for the Request Delegate Generator:
    /// the same handler methods and models, mapped with <c>MapGet</c>/<c>MapPost</c>/… instead of route attributes,
    /// JSON through a System.Text.Json source-generated context and validation through .NET 10's <c>AddValidation</c>.
    /// </summary>
    public static IReadOnlyList<ProjectSource> Create(int endpoints, bool minimalApi = false)
    {
        if (endpoints <= 0 || endpoints % EndpointsPerClass != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(endpoints), endpoints, $"A positive multiple of {EndpointsPerClass}.");
        }

        var classes = endpoints / EndpointsPerClass;
        var sources = new List<ProjectSource>
        {
            new("Program.cs", minimalApi ? MinimalApiProgram(classes) : Program),
            new("Models/SharedModels.cs", SharedModels),
            new("Services/Catalog.cs", Catalog),
        };
        if (minimalApi)
        {
            sources.Add(new("Models/AppJsonContext.cs", JsonContext(classes)));
        }

        for (var index = 0; index < classes; index++)
        {
            var name = ResourceName(index);
            sources.Add(new($"Endpoints/{name}Endpoints.cs", Handlers(index, minimalApi)));
            sources.Add(new($"Models/{name}.cs", Models(index)));
        }

        return sources;
    }

    /// <summary>
    /// A statement that occurs once in the whole project: the body of class <paramref name="index"/>'s
    /// <c>Get</c> handler, for tests that edit one method body.
    /// </summary>
    public static string GetHandlerBody(int index) => $"return Find(id, \"{ResourceName(index)}\");";

    /// <summary><c>Resource042</c>: the model type, and the prefix of the handler class and the other models.</summary>
    public static string ResourceName(int index) => "Resource" + index.ToString("D3", CultureInfo.InvariantCulture);

    private const string Program = """
        using Demo.Services;
        using FastEndpointsGen;

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddFastEndpointsGen(o => o.Title = "Thousand endpoints");
        builder.Services.AddSingleton<ICatalog, Catalog>();

        var app = builder.Build();
        app.MapGeneratedEndpoints();
        app.MapApiDocs();
        app.Run();
        """;

    private static string MinimalApiProgram(int classes) => $$"""
        using Demo.Services;

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, Demo.Models.AppJsonContext.Default));
        builder.Services.AddSingleton<ICatalog, Catalog>();

        var app = builder.Build();
        app.MapOpenApi();
        {{string.Concat(Enumerable.Range(0, classes).Select(i => $"Demo.Endpoints.{ResourceName(i)}Endpoints.Map(app);\n"))}}app.Run();
        """;

    /// <summary>The System.Text.Json context of the minimal API: every type a body or response reaches, as a user declares it.</summary>
    private static string JsonContext(int classes)
    {
        var types = new List<string> { "Note", "Tag", "IReadOnlyList<Tag>", "int", "string" };
        for (var index = 0; index < classes; index++)
        {
            var name = ResourceName(index);
            types.Add(name);
            types.Add($"IReadOnlyList<{name}>");
            if (index % 2 == 0)
            {
                types.Add(name + "Draft");
            }

            if (index % 4 == 0)
            {
                types.Add(name + "Changes");
            }
        }

        return $$"""
            using System.Text.Json;
            using System.Text.Json.Serialization;

            namespace Demo.Models;

            {{string.Concat(types.Select(t => $"[JsonSerializable(typeof({t}))]\n"))}}[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
            internal sealed partial class AppJsonContext : JsonSerializerContext
            {
            }

            """;
    }

    private const string SharedModels = """
        using System.ComponentModel.DataAnnotations;

        namespace Demo.Models;

        /// <summary>Where a resource is in its life.</summary>
        public enum Status { Draft, Active, Archived }

        /// <summary>An amount in a currency.</summary>
        /// <param name="Amount">The amount, never negative.</param>
        /// <param name="Currency">The ISO 4217 code.</param>
        public sealed record Money([Range(0, 1_000_000)] decimal Amount, [Required, StringLength(3, MinimumLength = 3)] string Currency);

        /// <summary>A postal address.</summary>
        public sealed record Address(
            [Required, StringLength(200)] string Street,
            [Required, StringLength(100)] string City,
            [StringLength(20)] string? PostalCode,
            [Required, StringLength(2, MinimumLength = 2)] string Country);

        /// <summary>A label a client can filter by.</summary>
        public sealed record Tag([Required, StringLength(50, MinimumLength = 1)] string Name);

        /// <summary>Who created a resource and when.</summary>
        public sealed record AuditInfo(DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? UpdatedAt = null);

        /// <summary>A free-text note attached to a resource.</summary>
        public sealed record Note([Required, StringLength(2000, MinimumLength = 1)] string Text, [Range(1, 5)] int Priority = 3);

        /// <summary>Where a page of results sits in the whole list.</summary>
        public sealed record PageInfo(int Page, int Size, int Total);
        """;

    private const string Catalog = """
        namespace Demo.Services;

        /// <summary>Describes resources in plain text (a service).</summary>
        public interface ICatalog
        {
            string Describe(string kind, int id);
        }

        /// <summary>The service <c>Program.cs</c> registers.</summary>
        public sealed class Catalog : ICatalog
        {
            public string Describe(string kind, int id) => kind + " #" + id;
        }
        """;

    /// <summary>
    /// The ten handlers of class <paramref name="index"/>. Classes share body types in pairs (<c>…Draft</c>)
    /// and fours (<c>…Changes</c>); every third class is documented; every other one has a group prefix.
    /// </summary>
    private static string Handlers(int index, bool minimalApi)
    {
        var name = ResourceName(index);
        var draft = ResourceName(index / 2 * 2) + "Draft";
        var changes = ResourceName(index / 4 * 4) + "Changes";
        var grouped = index % 2 == 0;
        var group = grouped ? $"[EndpointGroup(\"/{name.ToLowerInvariant()}s\", Tags = [\"{name}\"])]\n" : "";
        var prefix = grouped ? "" : "/" + name.ToLowerInvariant() + "s";
        var list = grouped ? "/" : prefix;
        var id = index % 3 == 1 ? "{id:int}" : "{id}";
        var documented = index % 3 == 0;

        // Doc comment lines ending where the next line starts, so an undocumented member leaves no blank line.
        string Doc(params string[] lines) => documented ? string.Concat(lines.Select(line => "/// " + line + "\n    ")) : "";

        // The ten routes: a route attribute on each handler, or (minimal API) one Map… call each in the class's Map method.
        var routes = new (string Verb, string Template, string Name, string Method, int Status)[]
        {
            ("Get", $"{prefix}/{id}", $"Get{name}", "Get", 200),
            ("Get", list, $"List{name}s", "List", 200),
            ("Get", $"{prefix}/count", $"Count{name}s", "Count", 200),
            ("Get", $"{prefix}/{id}/tags", $"Get{name}Tags", "Tags", 200),
            ("Post", list, $"Create{name}", "Create", 201),
            ("Put", $"{prefix}/{id}", $"Replace{name}", "Replace", 200),
            ("Patch", $"{prefix}/{id}", $"Update{name}", "Update", 200),
            ("Delete", $"{prefix}/{id}", $"Delete{name}", "Delete", 200),
            ("Post", $"{prefix}/{id}/notes", $"Add{name}Note", "AddNote", 201),
            ("Get", $"{prefix}/{id}/summary", $"Summarize{name}", "Summary", 200),
        };
        string Route(string method)
        {
            var route = routes.Single(r => r.Method == method);
            return minimalApi ? "" : $"[{route.Verb}(\"{route.Template}\", Name = \"{route.Name}\"{(route.Status == 200 ? "" : $", StatusCode = {route.Status}")})]";
        }

        var map = !minimalApi ? "" : $$"""
            public static void Map(IEndpointRouteBuilder app)
                {
                    var routes = {{(grouped ? $"app.MapGroup(\"/{name.ToLowerInvariant()}s\").WithTags(\"{name}\")" : "app")}};
            {{string.Concat(routes.Select(r => $"        routes.Map{r.Verb}(\"{r.Template}\", {r.Method}).WithName(\"{r.Name}\");\n"))}}    }

                
            """;
        var notFound = minimalApi ? "new BadHttpRequestException(\"" + name + " not found\", 404)" : "new HttpError(404, \"" + name + " not found\")";
        var usings = minimalApi ? "" : "using FastEndpointsGen;\n";

        return $$"""
            using System.ComponentModel.DataAnnotations;
            using Demo.Models;
            using Demo.Services;
            {{usings}}
            namespace Demo.Endpoints;

            {{(documented ? $"/// <summary>Everything about {name} resources.</summary>\n" : "")}}{{(minimalApi ? "" : group)}}public static class {{name}}Endpoints
            {
                {{Doc("<summary>Get one resource</summary>", "<param name=\"id\">The resource's identifier.</param>", "<returns>The resource.</returns>", "<response code=\"404\">No resource has this identifier.</response>")}}{{Route("Get")}}
                public static {{name}} Get(int id)
                {
                    if (id <= 0)
                    {
                        throw {{notFound}};
                    }

                    {{GetHandlerBody(index)}}
                }

                {{Doc("<summary>List resources</summary>", "<remarks>Oldest first.</remarks>", "<param name=\"search\">Only resources whose name contains this text.</param>", "<param name=\"status\">Only resources in this state.</param>", "<param name=\"since\">Only resources created on or after this day.</param>", "<param name=\"page\">The page to return, from 1.</param>", "<param name=\"size\">How many resources a page holds (1 to 100).</param>")}}{{Route("List")}}
                public static IReadOnlyList<{{name}}> List(string? search = null, Status? status = null, DateOnly? since = null, [Range(1, 10_000)] int page = 1, [Range(1, 100)] int size = 20) =>
                    [.. Enumerable.Range((page - 1) * size + 1, size)
                        .Select(i => Find(i, search ?? "{{name}}"))
                        .Where(r => status is null || r.Status == status)
                        .Where(r => since is null || DateOnly.FromDateTime(r.Audit.CreatedAt.UtcDateTime) >= since)];

                {{Route("Count")}}
                public static int Count(string? search = null, bool includeArchived = false) =>
                    includeArchived ? 120 + (search?.Length ?? 0) : 100;

                {{Route("Tags")}}
                public static IReadOnlyList<Tag> Tags(int id) => Find(id, "{{name}}").Tags;

                {{Doc("<summary>Create a resource</summary>", "<param name=\"draft\">The new resource.</param>", "<returns>The created resource, with its identifier.</returns>")}}{{Route("Create")}}
                public static {{name}} Create({{draft}} draft) =>
                    new(1, draft.Name, Status.Draft, draft.Price, new AuditInfo(DateTimeOffset.UnixEpoch, "api"), draft.Tags ?? []);

                {{Route("Replace")}}
                public static {{name}} Replace(int id, {{draft}} draft) =>
                    new(id, draft.Name, Status.Active, draft.Price, new AuditInfo(DateTimeOffset.UnixEpoch, "api"), draft.Tags ?? []);

                {{Route("Update")}}
                public static {{name}} Update(int id, {{changes}} changes)
                {
                    var current = Find(id, "{{name}}");
                    return current with
                    {
                        Name = changes.Name ?? current.Name,
                        Status = changes.Status ?? current.Status,
                        Price = changes.Price ?? current.Price,
                    };
                }

                {{Doc("<summary>Delete a resource</summary>", "<param name=\"id\">The resource's identifier.</param>", "<response code=\"404\">No resource has this identifier.</response>")}}{{Route("Delete")}}
                public static void Delete(int id)
                {
                    if (id <= 0)
                    {
                        throw {{notFound}};
                    }
                }

                {{Route("AddNote")}}
                public static async Task<Note> AddNote(int id, Note note, CancellationToken cancellationToken)
                {
                    await Task.Delay(0, cancellationToken);
                    return note with { Text = $"#{id}: {note.Text}" };
                }

                {{Route("Summary")}}
                public static string Summary(int id, ICatalog catalog, bool verbose = false) =>
                    verbose ? catalog.Describe("{{name}}", id) + " (" + Find(id, "{{name}}").Status + ")" : catalog.Describe("{{name}}", id);

                {{map}}private static {{name}} Find(int id, string name) =>
                    new(id, name, Status.Active, new Money(9.99m, "EUR"), new AuditInfo(DateTimeOffset.UnixEpoch, "seed"), [new Tag("seed")]);
            }

            """;
    }

    /// <summary>The resource class <paramref name="index"/> returns, and the body types it owns, if any.</summary>
    private static string Models(int index)
    {
        var name = ResourceName(index);
        var draft = index % 2 != 0 ? "" : $$"""

            /// <summary>A new or replaced {{name}}.</summary>
            /// <param name="Name">What it is called (1 to 100 characters).</param>
            /// <param name="Price">What it costs.</param>
            /// <param name="Address">Where it is.</param>
            /// <param name="Tags">Labels to filter by (at most 20).</param>
            /// <param name="Quantity">How many there are (0 to 1000).</param>
            public sealed record {{name}}Draft(
                [Required, StringLength(100, MinimumLength = 1)] string Name,
                [Required] Money Price,
                Address? Address = null,
                [MaxLength(20)] List<Tag>? Tags = null,
                [Range(0, 1000)] int Quantity = 1);

            """;
        var changes = index % 4 != 0 ? "" : $$"""

            /// <summary>The members of a {{name}} to change: those left out keep their value.</summary>
            public sealed class {{name}}Changes
            {
                [StringLength(100, MinimumLength = 1)]
                public string? Name { get; init; }

                public Status? Status { get; init; }

                public Money? Price { get; init; }

                [Range(0, 1000)]
                public int? Quantity { get; init; }
            }

            """;

        return $$"""
            using System.ComponentModel.DataAnnotations;

            namespace Demo.Models;

            /// <summary>A {{name}} as stored and returned.</summary>
            public sealed record {{name}}(int Id, string Name, Status Status, Money Price, AuditInfo Audit, IReadOnlyList<Tag> Tags);

            """ + draft + changes;
    }
}
