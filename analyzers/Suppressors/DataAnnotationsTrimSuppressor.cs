using System.Collections.Immutable;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers.Suppressors;

/// <summary>
/// Suppresses the trim analyzer's IL2026 on a DataAnnotations attribute <em>usage</em> whose constructor is
/// marked <c>RequiresUnreferencedCode</c> (<c>[MinLength]</c>, <c>[MaxLength]</c>, <c>[Length]</c>,
/// <c>[Compare]</c>, <c>[Range(typeof(T), "min", "max")]</c>).
/// </summary>
/// <remarks>
/// The constructors warn because the attributes' <c>IsValid</c> reflects (over <c>Count</c>, the other
/// property, or a TypeConverter). FastEndpointsGen compiles those rules into generated code and never
/// creates or calls the attribute instances, and Native AOT does not keep them either, so the warning at
/// the attribute usage is a false positive for our users. Every path that would really run the
/// attribute's reflection still warns where it happens: <c>new MaxLengthAttribute(…)</c> in code is an
/// object creation, not an attribute usage, and <c>Validator</c>, <c>ValidationContext</c> and
/// <c>TypeDescriptor</c> are themselves annotated. See docs/aot.md.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DataAnnotationsTrimSuppressor : DiagnosticSuppressor
{
    /// <summary>The trim analyzer's "member with RequiresUnreferencedCodeAttribute" warning.</summary>
    private const string RequiresUnreferencedCode = "IL2026";

    private const string DataAnnotationsNamespace = "System.ComponentModel.DataAnnotations";

    private static readonly ImmutableHashSet<string> CompiledAttributes = ImmutableHashSet.Create(
        "MinLengthAttribute", "MaxLengthAttribute", "LengthAttribute", "CompareAttribute", "RangeAttribute");

    internal static readonly SuppressionDescriptor Rule = new(
        id: "FEGSPR0001",
        suppressedDiagnosticId: RequiresUnreferencedCode,
        justification: "FastEndpointsGen compiles this DataAnnotations rule into generated validation code; the attribute instance is never created or invoked at run time, so its RequiresUnreferencedCode constructor does not apply.");

    /// <inheritdoc />
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        // Only in projects that use FastEndpointsGen (whose generated code validates instead of the attributes).
        if (context.Compilation.GetTypeByMetadataName("FastEndpointsGen.EndpointAttribute") is null)
        {
            return;
        }

        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null)
            {
                continue;
            }

            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan);
            var attribute = node as AttributeSyntax ?? node.FirstAncestorOrSelf<AttributeSyntax>();
            if (attribute is null || !attribute.Span.Contains(diagnostic.Location.SourceSpan))
            {
                continue;
            }

            var model = context.GetSemanticModel(tree);
            if (model.GetSymbolInfo(attribute, context.CancellationToken).Symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                && CompiledAttributes.Contains(constructor.ContainingType.Name)
                && TypeClassifier.NamespaceName(constructor.ContainingType.ContainingNamespace) == DataAnnotationsNamespace)
            {
                context.ReportSuppression(Suppression.Create(Rule, diagnostic));
            }
        }
    }
}
