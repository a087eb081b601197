module example.com/ldflags

go 1.19
