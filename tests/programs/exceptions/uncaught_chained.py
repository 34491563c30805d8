# Uncaught exception with an explicit cause: both tracebacks are shown.
class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ConfigError(f"bad port {text!r}") from exc

def load(settings):
    return parse_port(settings["port"])

load({"port": "80a"})
