module example.com/embed-tzdata

go 1.19
