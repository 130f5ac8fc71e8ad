using FastEndpointsGen.Generator.Emitting;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>The indenting writer every emitter writes through.</summary>
public class SourceWriterTests
{
    [Test]
    public void WriteLine_EndsEveryLineWithALineFeed()
    {
        var writer = new SourceWriter();

        writer.WriteLine("a").WriteLine("b");

        Assert.That(writer.Finish(), Is.EqualTo("a\nb\n"));
    }

    [Test]
    public void Finish_EndsTheSource_AndTheNextWriterStartsEmpty()
    {
        var first = new SourceWriter();
        first.WriteLine("class A { }");

        var text = first.Finish();
        var second = new SourceWriter(); // on the same thread: reuses the first writer's buffer
        second.WriteLine("class B { }");

        Assert.That(first.Finish(), Is.SameAs(text), "asking again gives the same text");
        Assert.That(second.Finish(), Is.EqualTo("class B { }\n"));
        Assert.Throws<InvalidOperationException>(() => first.WriteLine("too late"));
    }

    [TestCase("", "@\"\"")]
    [TestCase("{\"a\":\"b\\\"c\"}", "@\"{\"\"a\"\":\"\"b\\\"\"c\"\"}\"")]
    [TestCase("\"", "@\"\"\"\"")]
    [TestCase("x\\ny", "@\"x\\ny\"")]
    public void WriteVerbatimLiteral_DoublesQuotes_AndIndents(string value, string literal)
    {
        var writer = new SourceWriter();

        using (writer.Indent())
        {
            writer.WriteVerbatimLiteral("const string S = ", value, ";");
        }

        Assert.That(writer.Finish(), Is.EqualTo("    const string S = " + literal + ";\n"));
        var parsed = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(literal);
        Assert.That(((Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)parsed).Token.ValueText, Is.EqualTo(value));
    }

    [Test]
    public void JsonWrittenVerbatim_IsTheCompactJson_InAVerbatimLiteral()
    {
        // Quotes around keys and strings, escaped quotes inside them, and raw JSON text (an example) holding quotes.
        var document = new JsonObject
        {
            ["say \"hi\""] = "a \"quoted\" \\ word",
            ["plain"] = new List<object> { "x", 1, true, new JsonRaw("{\"n\": \"v\"}") },
            ["nested"] = new JsonObject { ["empty"] = new JsonObject(), ["none"] = new List<object>() },
        };
        var writer = new SourceWriter();

        writer.WriteVerbatimLiteral("const string S = ", builder => JsonText.WriteVerbatim(builder, document), ";");

        var source = writer.Finish();
        var literal = source.Substring("const string S = ".Length, source.Length - "const string S = ".Length - ";\n".Length);
        var parsed = (Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(literal);
        Assert.That(parsed.Token.ValueText, Is.EqualTo(JsonText.Write(document, indented: false)));
        Assert.That(parsed.Token.ValueText, Does.Contain("\"say \\\"hi\\\"\":"));
    }

    [Test]
    public void InterpolatedLine_IsWrittenInPlace_Indented_WithInvariantNumbers()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var writer = new SourceWriter();
            var name = "total";
            var empty = "";

            using (writer.Indent())
            {
                writer.WriteLine($"var {name} = {1.5} + {-2} + {3_000L};");
                writer.WriteLine($"{empty}");
                writer.WriteLine($"{name}++;");
            }

            // The handler, not string.Format: a German culture would write 1,5.
            Assert.That(writer.Finish(), Is.EqualTo("    var total = 1.5 + -2 + 3000;\n\n    total++;\n"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Test]
    public void EmptyLine_IsNeverIndented()
    {
        var writer = new SourceWriter();

        using (writer.Block())
        {
            writer.WriteLine("x");
            writer.WriteLine();
            writer.WriteLine("y");
        }

        Assert.That(writer.Finish(), Is.EqualTo("{\n    x\n\n    y\n}\n"));
    }

    [Test]
    public void Blocks_NestAndCloseInOrder()
    {
        var writer = new SourceWriter();

        writer.WriteLine("namespace N");
        using (writer.Block())
        {
            writer.WriteLine("class C");
            using (writer.Block())
            {
                writer.WriteLine("int x;");
            }
        }

        Assert.That(writer.Finish(), Is.EqualTo("""
            namespace N
            {
                class C
                {
                    int x;
                }
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Test]
    public void Block_CanCloseWithCustomText()
    {
        var writer = new SourceWriter();

        writer.WriteLine("var x = new C()");
        using (writer.Block("};"))
        {
            writer.WriteLine("A = 1,");
        }

        Assert.That(writer.Finish(), Is.EqualTo("var x = new C()\n{\n    A = 1,\n};\n"));
    }

    [Test]
    public void Indent_IndentsWithoutBraces()
    {
        var writer = new SourceWriter();

        writer.WriteLine("app.MapGet(\"/\", handler)");
        using (writer.Indent())
        {
            writer.WriteLine(".WithName(\"Root\");");
        }

        writer.WriteLine("return;");

        Assert.That(writer.Finish(), Is.EqualTo("app.MapGet(\"/\", handler)\n    .WithName(\"Root\");\nreturn;\n"));
    }

    [Test]
    public void WriteLines_IndentsEachLineAndNormalisesLineEndings()
    {
        var writer = new SourceWriter();

        using (writer.Indent())
        {
            writer.WriteLines("first\r\nsecond\n\nthird");
        }

        Assert.That(writer.Finish(), Is.EqualTo("    first\n    second\n\n    third\n"));
    }

    [Test]
    public void DisposingAScope_RestoresTheIndentation()
    {
        var writer = new SourceWriter();

        using (writer.Indent())
        {
            using (writer.Indent())
            {
                writer.WriteLine("deep");
            }

            writer.WriteLine("shallow");
        }

        writer.WriteLine("top");

        Assert.That(writer.Finish(), Is.EqualTo("        deep\n    shallow\ntop\n"));
    }
}
