using FastEndpointsGen.Analyzers.Tests.Infrastructure;

namespace FastEndpointsGen.Analyzers.Tests;

public class OpenApiAnalyzerTests
{
    [Test]
    public Task DocumentedEndpointsReportNothing() => Verify<OpenApiAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            /// <summary>Get an item.</summary>
            /// <param name="id">The item.</param>
            /// <response code="200">Found.</response>
            /// <response code="404">Not found.</response>
            [Get("/items/{id}", Name = "GetItem")]
            public static string Get(int id) => "";

            [Get("/other", Name = "ListItems")]
            public static string List() => "";

            [Get("/same-default-name")]
            public static string Get() => "";
        }
        """);

    [Test]
    public Task FEG5001_DuplicateOperationId() => Verify<OpenApiAnalyzer>.AnalyzerAsync("""
        public static class First
        {
            [Get("/a", {|FEG5001:Name = "GetItem"|})]
            public static string Get() => "";
        }

        public static class Second
        {
            [Get("/b", {|FEG5001:Name = "GetItem"|})]
            public static string Find() => "";
        }
        """);

    [Test]
    public Task FEG5002_ParamNamesNoParameter() => Verify<OpenApiAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            /// <summary>Get an item.</summary>
            /// <param name="id">The item.</param>
            /// <param name="ID">Names match ignoring case, as in the generator.</param>
            /// <param name="{|FEG5002:limit|}">Gone.</param>
            [Get("/items/{id}")]
            public static string Get(int id) => "";
        }
        """);

    [Test]
    public Task FEG5003_InvalidResponseCode() => Verify<OpenApiAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            /// <summary>Get an item.</summary>
            /// <response code="{|FEG5003:NotFound|}">Missing.</response>
            /// <response code="{|FEG5003:700|}">Out of range.</response>
            /// <response code="{|FEG5003:5XX|}">Ranges are not read.</response>
            /// <response code="{|FEG5003:default|}">Neither is default.</response>
            /// <response code="404">Fine.</response>
            [Get("/items/{id}")]
            public static string Get(int id) => "";
        }
        """);
}
