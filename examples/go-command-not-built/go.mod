module example.com/stdlib-server

go 1.19
