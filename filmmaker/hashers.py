from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    """Argon2id with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane).

    Django's defaults take 100 MiB per sign-in, which several sign-ins at once would add to a
    worker's memory; these keep the same algorithm (hashes are still ``argon2$argon2id$``)
    at a fifth of the memory. Hashes made with other parameters are upgraded at sign-in.
    """

    memory_cost = 19 * 1024
    time_cost = 2
    parallelism = 1
