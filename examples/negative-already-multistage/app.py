from banner import shout

print(shout("already multi-stage"))
