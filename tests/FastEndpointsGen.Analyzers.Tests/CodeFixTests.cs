using FastEndpointsGen.Analyzers.CodeFixes;
using FastEndpointsGen.Analyzers.Tests.Infrastructure;

namespace FastEndpointsGen.Analyzers.Tests;

public class CodeFixTests
{
    [Test]
    public Task FEG1002_AddsTheRouteParameterTypedByItsConstraint() => Verify<RoutingAnalyzer>.CodeFixAsync<AddRouteParameterCodeFix>("""
        public static class Handlers
        {
            [Get({|FEG1002:"/items/{id:int}"|})]
            public static string Get(CancellationToken cancellationToken, int limit = 10) => "";
        }
        """, """
        public static class Handlers
        {
            [Get("/items/{id:int}")]
            public static string Get(CancellationToken cancellationToken, int id, int limit = 10) => "";
        }
        """);

    [Test]
    public Task FEG1002_AddsAStringParameterToAnEmptyList() => Verify<RoutingAnalyzer>.CodeFixAsync<AddRouteParameterCodeFix>("""
        public static class Handlers
        {
            [Get({|FEG1002:"/items/{slug?}"|})]
            public static string Get() => "";
        }
        """, """
        public static class Handlers
        {
            [Get("/items/{slug?}")]
            public static string Get(string? slug) => "";
        }
        """);

    [Test]
    public Task FEG2001_FromServicesOnTheCandidate() => Verify<BindingAnalyzer>.CodeFixAsync<AmbiguousBodyCodeFix>("""
        public sealed record NewTask(string Title);

        public sealed record Store(string Name);

        public static class Handlers
        {
            [Post("/tasks")]
            public static string Create(Store {|FEG2001:store|}, NewTask {|FEG2001:task|}) => "";
        }
        """, """
        using Microsoft.AspNetCore.Mvc;

        public sealed record NewTask(string Title);

        public sealed record Store(string Name);

        public static class Handlers
        {
            [Post("/tasks")]
            public static string Create([FromServices] Store store, NewTask task) => "";
        }
        """);

    [Test]
    public Task FEG2001_FromBodyOnTheCandidateAndFromServicesOnTheOthers() => Verify<BindingAnalyzer>.CodeFixAsync<AmbiguousBodyCodeFix>("""
        using Microsoft.AspNetCore.Mvc;

        public sealed record NewTask(string Title);

        public sealed record Store(string Name);

        public static class Handlers
        {
            [Post("/tasks")]
            public static string Create(NewTask {|FEG2001:task|}, Store {|FEG2001:store|}) => "";
        }
        """, """
        using Microsoft.AspNetCore.Mvc;

        public sealed record NewTask(string Title);

        public sealed record Store(string Name);

        public static class Handlers
        {
            [Post("/tasks")]
            public static string Create([FromBody] NewTask task, [FromServices] Store store) => "";
        }
        """, codeActionIndex: 1);

    [Test]
    public Task FEG1004_MakesAPrivateHandlerPublic() => Verify<RoutingAnalyzer>.CodeFixAsync<MakeHandlerPublicCodeFix>("""
        public static class Handlers
        {
            [Get("/private")]
            private static string {|FEG1004:Hidden|}() => "";

            internal static string UseIt() => Hidden();
        }
        """, """
        public static class Handlers
        {
            [Get("/private")]
            public static string Hidden() => "";

            internal static string UseIt() => Hidden();
        }
        """);

    [Test]
    public Task FEG1004_MakesAPrivateNestedClassPublic() => Verify<RoutingAnalyzer>.CodeFixAsync<MakeHandlerPublicCodeFix>("""
        public static class Outer
        {
            private static class Handlers
            {
                [Get("/nested")]
                public static string {|FEG1004:Get|}() => "";
            }
        }
        """, """
        public static class Outer
        {
            public static class Handlers
            {
                [Get("/nested")]
                public static string Get() => "";
            }
        }
        """);

    [Test]
    public Task FEG3003_SwapsRangeBounds() => Verify<ValidationAnalyzer>.CodeFixAsync<SwapMinimumAndMaximumCodeFix>("""
        using System.ComponentModel.DataAnnotations;

        public sealed class Model
        {
            [{|FEG3003:Range(10, 1)|}]
            public int Priority { get; set; }
        }
        """, """
        using System.ComponentModel.DataAnnotations;

        public sealed class Model
        {
            [Range(1, 10)]
            public int Priority { get; set; }
        }
        """);

    [Test]
    public Task FEG3003_SwapsStringLengthBounds() => Verify<ValidationAnalyzer>.CodeFixAsync<SwapMinimumAndMaximumCodeFix>("""
        using System.ComponentModel.DataAnnotations;

        public sealed class Model
        {
            [{|FEG3003:StringLength(2, MinimumLength = 5)|}]
            public string Name { get; set; } = "";
        }
        """, """
        using System.ComponentModel.DataAnnotations;

        public sealed class Model
        {
            [StringLength(5, MinimumLength = 2)]
            public string Name { get; set; } = "";
        }
        """);
}
