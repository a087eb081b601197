var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => $"DOTNET-SELF-CONTAINED-OK {Acme.Core.Prices.Total(3, 4)}");
app.Run();
