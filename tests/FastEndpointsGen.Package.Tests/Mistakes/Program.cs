// Every mistake the analyzers report, each on a line that says which diagnostics it expects.
// Built against the packed package by PackageTests.Analyzers_report_every_mistake_at_its_line.
using System.ComponentModel.DataAnnotations;
using FastEndpointsGen;
using Microsoft.AspNetCore.Mvc;

var app = WebApplication.CreateSlimBuilder(args).Build();
app.Run();

public sealed record First(string A);

public sealed record Second(string B);

public sealed record Model(
    [property: StringLength(5)] int Count, // expect FEG3001
    [property: RegularExpression("^[a-z+$")] string Slug, // expect FEG3002
    [property: Range(10, 1)] int Priority, // expect FEG3003
    [property: Compare("Nope")] string Confirm); // expect FEG3004

public sealed record Envelope(object Payload);

public abstract class Shape
{
    public string Name { get; set; } = "";
}

/// <summary>Handlers with one mistake each.</summary>
public static class Mistakes
{
    [Get("/bad/{id")] public static string Bad(int id) => ""; // expect FEG1001

    [Get("/missing/{id}")] public static string Missing() => ""; // expect FEG1002

    [Get("/dup")] public static string Dup1() => ""; // expect FEG1003

    [Get("/dup")] public static string Dup2() => ""; // expect FEG1003

    [Get("/private")] private static string Hidden() => ""; // expect FEG1004

    internal static string UseHidden() => Hidden();

    [Post("/void")] public static async void Fire() => await Task.Yield(); // expect FEG1005

    [Post("/two")] public static string Two(First first, Second second) => ""; // expect FEG2001

    [Get("/get-body")] public static string GetBody([FromBody] First first) => ""; // expect FEG2002

    [Get("/complex/{key}")] public static string Complex(First key) => ""; // expect FEG2003

    [Get("/guid/{id:int}")] public static string Guid(System.Guid id) => ""; // expect FEG2004

    [Get("/service")] public static string Service([FromServices] int limit) => ""; // expect FEG2005

    [Post("/model")] public static string Create(Model model) => "";

    [Post("/envelope")] public static string Wrap(Envelope envelope) => ""; // expect FEG4001

    [Get("/shape")] public static Shape GetShape() => null!; // expect FEG4002

    [Get("/n1", Name = "Same")] public static string N1() => ""; // expect FEG5001

    [Get("/n2", Name = "Same")] public static string N2() => ""; // expect FEG5001

    /// <summary>Documented wrongly.</summary>
    /// <param name="nope">expect FEG5002</param>
    /// <response code="NotFound">expect FEG5003</response>
    [Get("/docs")] public static string Docs() => "";
}
