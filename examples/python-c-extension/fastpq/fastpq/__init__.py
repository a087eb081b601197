from fastpq._native import checksum, libpq_major

__all__ = ["checksum", "libpq_major"]
