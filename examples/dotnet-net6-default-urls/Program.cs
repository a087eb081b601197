var app = WebApplication.CreateBuilder(args).Build();
app.UseStaticFiles();
app.MapGet("/api/ping", () => "DOTNET-NET6-DEFAULT-URLS-OK");
app.Run();
