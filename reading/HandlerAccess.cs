using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>Why the generated code (in the same assembly) cannot call a handler.</summary>
internal enum HandlerAccessProblem
{
    None,
    MethodNotAccessible,
    GenericMethod,
    ClassNotAccessible,
    GenericClass,
    AbstractClass,
    NoConstructor,
}

/// <summary>
/// The rules for a handler the generated code can call: the method and every class around it are
/// public or internal and not generic; an instance handler's class is not abstract and has a
/// public or internal constructor to resolve from dependency injection.
/// </summary>
internal static class HandlerAccess
{
    /// <summary>The first problem found, with the class it concerns (for class problems).</summary>
    public static HandlerAccessProblem Check(IMethodSymbol method, out INamedTypeSymbol? type)
    {
        type = null;
        if (!IsAccessible(method.DeclaredAccessibility))
        {
            return HandlerAccessProblem.MethodNotAccessible;
        }

        if (method.IsGenericMethod)
        {
            return HandlerAccessProblem.GenericMethod;
        }

        for (var current = method.ContainingType; current is not null; current = current.ContainingType)
        {
            type = current;
            if (!IsAccessible(current.DeclaredAccessibility))
            {
                return HandlerAccessProblem.ClassNotAccessible;
            }

            if (current.IsGenericType)
            {
                return HandlerAccessProblem.GenericClass;
            }

            if (!method.IsStatic && current.IsAbstract)
            {
                return HandlerAccessProblem.AbstractClass;
            }
        }

        type = method.ContainingType;
        if (!method.IsStatic && type is not null)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
                {
                    return HandlerAccessProblem.None;
                }
            }

            return HandlerAccessProblem.NoConstructor;
        }

        return HandlerAccessProblem.None;
    }

    private static bool IsAccessible(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
}
