module example.com/whoami-tz

go 1.19
