using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace FastEndpointsGen.TestApp;

/// <summary>A form model: each member is a form field, the file member a form file (docs/binding.md#form-models).</summary>
public sealed record SignupForm([MinLength(3)] string Username, [Range(13, 120)] int Age, bool Newsletter = false)
{
    public IFormFile? Avatar { get; set; }

    public Priority? Priority { get; set; }
}

public static class FormModelEndpoints
{
    [Post("/forms/signup")]
    public static string Signup([FromForm] SignupForm form) =>
        $"{form.Username}|{form.Age}|{form.Newsletter}|{form.Priority?.ToString() ?? "none"}|{form.Avatar?.FileName ?? "none"}|{form.Avatar?.Length ?? 0}";
}
