using FastEndpointsGen.Analyzers.Tests.Infrastructure;

namespace FastEndpointsGen.Analyzers.Tests;

public class RoutingAnalyzerTests
{
    [Test]
    public Task ValidEndpointsReportNothing() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        [EndpointGroup("/tasks")]
        public static class Handlers
        {
            [Get("/{id:int}")]
            public static string Get(int id) => "";

            [Get("/{slug}/{**rest}")]
            public static string Nested(string slug, string rest) => slug + rest;

            [Post("/")]
            public static Task Create() => Task.CompletedTask;

            [Get("/by-context/{id}")]
            public static string Manual(HttpContext context) => context.Request.Path;
        }
        """);

    [Test]
    public Task FEG1006_AttributeTheGeneratedCodeCannotConstruct() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        [Obsolete("old")]
        public static class Handlers
        {
            private sealed class SecretAttribute : Attribute;

            internal sealed class AuditAttribute(string area) : Attribute
            {
                public int Weight { get; private set; }

                public int Level { get; set; }
            }

            [Get("/orders"), {|FEG1006:Secret|}, Audit("orders", Level = 2)]
            public static string List() => "";
        }
        """);

    [Test]
    public Task FEG1001_InvalidTemplate() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Get({|FEG1001:"/items/{id"|})]
            public static string Unclosed(int id) => "";

            [Get({|FEG1001:"/items/{id}/{ID}"|})]
            public static string Twice(int id) => "";
        }
        """);

    [Test]
    public Task FEG1001_InvalidTemplateOnASecondRouteAttribute() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Get("/ok")]
            [Post({|FEG1001:"/bad/{id"|})]
            public static string Both() => "";
        }
        """);

    [Test]
    public Task FEG1001_InvalidGroupPrefix() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        [EndpointGroup({|FEG1001:"/tasks/{"|})]
        public static class Handlers
        {
            [Get("/")]
            public static string List() => "";
        }
        """);

    [Test]
    public Task FEG1002_RouteParameterWithoutHandlerParameter() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Get({|FEG1002:"/items/{id}"|})]
            public static string Get() => "";
        }
        """);

    [Test]
    public Task FEG1002_GroupPrefixParameterWithoutHandlerParameter() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        [EndpointGroup("/tenants/{tenant}")]
        public static class Handlers
        {
            [Get("/items")]
            public static string {|FEG1002:List|}() => "";

            [Get("/items/{id}")]
            public static string Get(string tenant, int id) => tenant + id;
        }
        """);

    [Test]
    public Task FEG1002_FromRouteParameterNotInTemplate() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public static class Handlers
        {
            [Get("/items")]
            public static string Get([FromRoute] int {|FEG1002:id|}) => "";

            [Get("/renamed/{key}")]
            public static string Renamed([FromRoute(Name = "key")] int id) => "";
        }
        """);

    [Test]
    public Task FEG1002_AsParametersMembersReceiveRouteValues() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        using Microsoft.AspNetCore.Http;

        public sealed record Key(int Id, string Name);

        public static class Handlers
        {
            [Get("/items/{id}/{name}")]
            public static string Get([AsParameters] Key key) => key.Name;
        }
        """);

    [Test]
    public Task FEG1003_DuplicateRouteReportedAtBoth() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        [EndpointGroup("/items")]
        public static class First
        {
            [Get({|FEG1003:"/{id}"|})]
            public static string Get(int id) => "";
        }

        public static class Second
        {
            [Get({|FEG1003:"/ITEMS/{key}/"|})]
            public static string Find(int key) => "";
        }
        """);

    [Test]
    public Task FEG1003_DifferentMethodsOrConstraintsAreNotDuplicates() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Get("/items/{id:int}")]
            public static string ById(int id) => "";

            [Get("/items/{slug:alpha}")]
            public static string BySlug(string slug) => slug;

            [Delete("/items/{id:int}")]
            public static void Delete(int id) { }

            [Get("/items")]
            public static string List() => "";
        }
        """);

    [Test]
    public Task FEG1004_HandlersTheGeneratedCodeCannotCall() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Get("/private")]
            private static string {|FEG1004:Hidden|}() => "";

            [Get("/generic")]
            public static string {|FEG1004:Generic|}<T>() => typeof(T).Name;

            internal static string UseIt() => Hidden();

            private static class Nested
            {
                [Get("/nested")]
                public static string {|FEG1004:Inner|}() => "";
            }
        }

        public static class Generic<T>
        {
            [Get("/generic-class")]
            public static string {|FEG1004:Get|}() => typeof(T).Name;
        }

        public abstract class Base
        {
            [Get("/abstract")]
            public string {|FEG1004:Get|}() => "";
        }

        public sealed class NoConstructor
        {
            private NoConstructor()
            {
            }

            [Get("/no-constructor")]
            public string {|FEG1004:Get|}() => "";

            internal static NoConstructor Create() => new();
        }
        """);

    [Test]
    public Task FEG1004_AccessibleHandlersReportNothing() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        internal static class Handlers
        {
            [Get("/internal")]
            internal static string Get() => "";

            public static class Nested
            {
                [Get("/nested")]
                public static string Inner() => "";
            }
        }

        public sealed class Instance(IServiceProvider services)
        {
            [Get("/instance")]
            public string Get() => services.ToString() ?? "";
        }
        """);

    [Test]
    public Task FEG1005_UnsupportedReturnTypes() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Post("/fire-and-forget")]
            public static async {|FEG1005:void|} Fire() => await Task.Yield();

            [Get("/span")]
            public static {|FEG1005:ReadOnlySpan<byte>|} Span() => default;
        }
        """);

    [Test]
    public Task FEG1005_SupportedReturnTypesReportNothing() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Post("/a")]
            public static async Task A() => await Task.Yield();

            [Get("/b")]
            public static ValueTask<int> B() => ValueTask.FromResult(1);

            [Get("/c")]
            public static IResult C() => Results.Ok();

            [Delete("/d")]
            public static void D() { }
        }
        """);

    [Test]
    public Task FEG1007_StreamFormatWithoutStream() => Verify<RoutingAnalyzer>.AnalyzerAsync("""
        using System.Net.ServerSentEvents;

        public sealed record Tick(int Sequence);

        public static class Handlers
        {
            [{|FEG1007:Get("/array", Stream = StreamFormat.JsonLines)|}]
            public static Tick[] Array() => [];

            [{|FEG1007:Get("/events", Stream = StreamFormat.JsonLines)|}]
            public static async IAsyncEnumerable<SseItem<Tick>> Events()
            {
                await Task.Yield();
                yield break;
            }

            [Get("/lines", Stream = StreamFormat.JsonLines)]
            public static async IAsyncEnumerable<Tick> Lines()
            {
                await Task.Yield();
                yield break;
            }

            [Get("/later", Stream = StreamFormat.JsonLines)]
            public static Task<IAsyncEnumerable<Tick>> Later() => Task.FromResult(Lines());
        }
        """);
}
