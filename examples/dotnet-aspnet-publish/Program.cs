var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var items = new[] { ("bolt", 120), ("nut", 80), ("washer", 45) };

app.MapGet("/", () => $"DOTNET-ASPNET-PUBLISH-OK items={items.Length} total={items.Sum(i => i.Item2)}");
app.MapGet("/healthz", () => "ok");

app.Run();
