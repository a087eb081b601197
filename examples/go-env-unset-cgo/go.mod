module example.com/env-unset-cgo

go 1.19
