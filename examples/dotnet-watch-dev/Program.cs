var app = WebApplication.CreateBuilder(args).Build(); app.MapGet("/", () => "notes"); app.Run();
