using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Generator.Tests.Infrastructure;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// Endpoints that share models reuse one description of each type per compilation. Whatever order the
/// endpoints reach a type in — directly, through another type, through a cycle — each endpoint's model
/// must be exactly what it would be if that endpoint were the only one.
/// </summary>
public class SharedModelTests
{
    private const string Models = """
        namespace Demo;

        /// <summary>A node of a tree.</summary>
        public sealed class Node
        {
            public required string Name { get; set; }
            public List<Node> Children { get; set; } = [];
            public Node? Parent { get; set; }
            public Tag? Tag { get; set; }
        }

        public sealed record Tree(Node Root, [property: System.ComponentModel.DataAnnotations.Range(1, 10)] int Depth);

        /// <summary>A label.</summary>
        /// <param name="Text">What it says.</param>
        public sealed record Tag(string Text, Color Color);

        public enum Color { Red, Green }
        """;

    private static readonly string[] Handlers =
    [
        """
        namespace Demo;
        public static class TreeEndpoints
        {
            [FastEndpointsGen.Post("/trees")]
            public static Tree Plant(Tree tree) => tree;
        }
        """,
        """
        namespace Demo;
        public static class NodeEndpoints
        {
            [FastEndpointsGen.Get("/nodes")]
            public static List<Node> All() => [];
        }
        """,
        """
        namespace Demo;
        public static class TagEndpoints
        {
            [FastEndpointsGen.Put("/tags")]
            public static Tag Relabel(Tag tag) => tag;
        }
        """,
    ];

    [Test]
    public void Each_endpoint_describes_its_types_as_if_it_were_alone()
    {
        var together = Endpoints(TestGeneratorDriver.Run([.. Handlers, Models]));
        Assert.That(together, Has.Count.EqualTo(Handlers.Length));

        foreach (var handler in Handlers)
        {
            var alone = Endpoints(TestGeneratorDriver.Run(handler, Models)).Single();
            var shared = together.Single(e => e.Handler.MethodName == alone.Handler.MethodName);
            Assert.Multiple(() =>
            {
                Assert.That(shared.JsonTypes, Is.EqualTo(alone.JsonTypes), alone.Handler.MethodName);
                Assert.That(shared.Docs, Is.EqualTo(alone.Docs), alone.Handler.MethodName);
                Assert.That(shared, Is.EqualTo(alone), alone.Handler.MethodName);
            });
        }
    }

    private static List<EndpointModel> Endpoints(GeneratorResult result) =>
        result.Run.TrackedSteps[TrackingNames.AllEndpoints]
            .SelectMany(step => step.Outputs)
            .SelectMany(output => (EquatableArray<EndpointModel>)output.Value)
            .ToList();
}
