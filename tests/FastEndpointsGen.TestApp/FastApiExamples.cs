using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace FastEndpointsGen.TestApp;

/// <summary>The model names of FastAPI's path-parameter tutorial.</summary>
public enum ModelName
{
    [JsonStringEnumMemberName("alexnet")]
    AlexNet,

    [JsonStringEnumMemberName("resnet")]
    ResNet,

    [JsonStringEnumMemberName("lenet")]
    LeNet,
}

/// <summary>The item of FastAPI's request-body tutorial.</summary>
public sealed record TutorialItem(string Name, double Price, string? Description = null, double? Tax = null);

/// <summary>
/// The endpoints of FastAPI's tutorials, so the FastAPI error format can be compared byte for byte
/// with what FastAPI answers for the same requests.
/// </summary>
[EndpointGroup("/fastapi", Tags = ["FastAPI tutorial"])]
public static class FastApiExamples
{
    [Get("/items/{item_id}")]
    public static int ReadItem(int item_id) => item_id;

    [Post("/items/")]
    public static TutorialItem CreateItem(TutorialItem item) => item;

    [Get("/models/{model_name}")]
    public static string GetModel(ModelName model_name) => model_name.ToString();

    [Get("/sized/")]
    public static int Sized([Range(0, int.MaxValue, MinimumIsExclusive = true)] int size) => size;

    [Get("/query/")]
    public static string Query([RegularExpression("^fixedquery$")] string? q = null) => q ?? "";
}
