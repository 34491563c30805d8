# An error raised while a class body executes, inside a method called at import time.
class Settings:
    defaults = {"retries": 3}

    def lookup(key):
        return Settings_defaults[key]

    retries = lookup("retries")
