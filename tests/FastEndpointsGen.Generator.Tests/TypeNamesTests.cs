using FastEndpointsGen.Generator.Tests.Infrastructure;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>The name checks the reading compares types and namespaces by, without formatting a name each time.</summary>
public class TypeNamesTests
{
    private const string Source = """
        namespace Shop.Models
        {
            public class Box<T> { public class Inner { } }
            public class Plain { }
        }

        namespace Shop { public class Plain { } }
        """;

    private static Compilation Compilation() => TestGeneratorDriver.CreateCompilation([Source]);

    [Test]
    public void IsNamed_MatchesATopLevelType_WithOrWithoutTypeArguments()
    {
        var compilation = Compilation();
        var box = compilation.GetTypeByMetadataName("Shop.Models.Box`1")!;
        var plain = compilation.GetTypeByMetadataName("Shop.Models.Plain")!;

        Assert.Multiple(() =>
        {
            Assert.That(TypeClassifier.IsNamed(plain, "Shop.Models.Plain"), Is.True);
            Assert.That(TypeClassifier.IsNamed(box, "Shop.Models.Box"), Is.True);
            Assert.That(TypeClassifier.IsNamed(box.Construct(plain), "Shop.Models.Box"), Is.True);
        });
    }

    [Test]
    public void IsNamed_RejectsOtherNamespaces_NestedTypes_AndPartialNames()
    {
        var compilation = Compilation();
        var plain = compilation.GetTypeByMetadataName("Shop.Models.Plain")!;
        var outer = compilation.GetTypeByMetadataName("Shop.Plain")!;
        var inner = compilation.GetTypeByMetadataName("Shop.Models.Box`1+Inner")!;

        Assert.Multiple(() =>
        {
            Assert.That(TypeClassifier.IsNamed(outer, "Shop.Models.Plain"), Is.False);
            Assert.That(TypeClassifier.IsNamed(plain, "Shop.Plain"), Is.False);
            Assert.That(TypeClassifier.IsNamed(plain, "Models.Plain"), Is.False);
            Assert.That(TypeClassifier.IsNamed(plain, "Shop.ModelsXPlain"), Is.False);
            Assert.That(TypeClassifier.IsNamed(inner, "Shop.Models.Inner"), Is.False);
            Assert.That(TypeClassifier.IsNamed(null, "Shop.Models.Plain"), Is.False);
        });
    }

    [Test]
    public void NamespaceName_IsTheDottedName_AndNullForNone()
    {
        var plain = Compilation().GetTypeByMetadataName("Shop.Models.Plain")!;

        Assert.Multiple(() =>
        {
            Assert.That(TypeClassifier.NamespaceName(plain.ContainingNamespace), Is.EqualTo("Shop.Models"));
            Assert.That(TypeClassifier.NamespaceName(null), Is.Null);
        });
    }
}
