module example.com/cgo-checksum

go 1.19
