import fastpq

print(f"checksum={fastpq.checksum(b'multi-stage builds')} libpq={fastpq.libpq_major()}")
