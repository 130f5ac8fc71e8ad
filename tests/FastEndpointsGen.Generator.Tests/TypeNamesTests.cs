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

        #nullable enable
        namespace Shop.Handlers
        {
            public static class Orders
            {
                public static void First(string name, Shop.Plain? plain, System.Collections.Generic.List<string> names, int count) { }
                public static void Second(string name, Shop.Plain plain, System.Collections.Generic.List<string> names, int count) { }
            }
        }
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
    public void KeyOf_OneObjectPerType_WhateverUseTheCompilerHandsOut()
    {
        var orders = Compilation().GetTypeByMetadataName("Shop.Handlers.Orders")!;
        var first = ((IMethodSymbol)orders.GetMembers("First")[0]).Parameters;
        var second = ((IMethodSymbol)orders.GetMembers("Second")[0]).Parameters;

        Assert.Multiple(() =>
        {
            // Each parameter's string and Shop.Plain is its own object; the key is one, so a kept fact is read once.
            Assert.That(first[0].Type, Is.Not.SameAs(second[0].Type), "the premise: a new object per use");
            Assert.That(TypeClassifier.KeyOf(first[0].Type), Is.SameAs(TypeClassifier.KeyOf(second[0].Type)));
            Assert.That(TypeClassifier.KeyOf(first[1].Type), Is.SameAs(TypeClassifier.KeyOf(second[1].Type)));
            Assert.That(TypeClassifier.KeyOf(first[3].Type), Is.SameAs(TypeClassifier.KeyOf(second[3].Type)));
            // A constructed generic type is kept as it is: its definition (List<T>) is another type.
            Assert.That(TypeClassifier.KeyOf(first[2].Type), Is.SameAs(first[2].Type));
            Assert.That(TypeClassifier.FullName(first[2].Type), Is.EqualTo("System.Collections.Generic.List<System.String>"));
            Assert.That(TypeClassifier.FullName(first[1].Type), Is.EqualTo("Shop.Plain"));
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
