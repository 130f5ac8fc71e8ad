// A fresh Native AOT web project that uses FastEndpointsGen only through its NuGet package, with a model
// whose [MinLength], [MaxLength], [Length] and [Compare] would warn IL2026 without the package's suppressor.
using FastEndpointsGen;
using System.ComponentModel.DataAnnotations;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddFastEndpointsGen(o => o.Title = "Accounts API");
var app = builder.Build();
app.MapGeneratedEndpoints();
app.MapApiDocs();
app.Run();

/// <summary>Accounts.</summary>
[EndpointGroup("/accounts", Tags = ["Accounts"])]
public static class AccountEndpoints
{
    [Post("/", StatusCode = 201)]
    public static Account Create(NewAccount account) => new(account.Name, account.Tags.Count);

    [Get("/{id}")]
    public static Account Get([Range(1, 1000)] int id) =>
        id == 404 ? throw new HttpError(404, "Account not found") : new Account($"account-{id}", 0);
}

public sealed record NewAccount(
    [Required, MinLength(2), MaxLength(20)] string Name,
    [Length(1, 3)] List<string> Tags,
    string Password,
    [property: Compare(nameof(NewAccount.Password))] string ConfirmPassword);

public sealed record Account(string Name, int TagCount);
