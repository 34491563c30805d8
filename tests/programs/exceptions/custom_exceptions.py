class AppError(Exception):
    """Base application error."""
class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason
class RetryError(AppError):
    def __init__(self, attempts):
        self.attempts = attempts
    def __str__(self):
        return f"gave up after {self.attempts} attempts"
for exc in (AppError(), AppError("msg"), AppError("a", 2), ConfigError("port", "not a number"), RetryError(3)):
    print(repr(exc), str(exc), exc.args, isinstance(exc, Exception))
try:
    raise ConfigError("host", "missing")
except AppError as e:
    print(type(e).__name__, e.key, e.reason, e)
# === exception args and str ===
print(str(Exception()), str(Exception("x")), str(Exception("x", "y")), repr(Exception("x", 1)), str(KeyError("k")), str(KeyError()))
e = ValueError("a")
e.args = ("changed", 2)
print(e, repr(e))
# === exceptions are classes in a hierarchy ===
print(ZeroDivisionError.__mro__)
print(issubclass(KeyError, LookupError), issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, BaseException))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError), issubclass(FileNotFoundError, OSError), issubclass(UnicodeDecodeError, ValueError))
# === raising non-exceptions ===
for bad in (5, "string", object):
    try:
        raise bad
    except TypeError as err:
        print(err)
# === catching with non-exception class ===
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as err:
    print(err)
# === attributes of builtin exceptions ===
try:
    {}["missing"]
except KeyError as err:
    print(err.args)
try:
    [].pop()
except IndexError as err:
    print(err.args)
try:
    import no_such_module_here
except ImportError as err:
    print(type(err).__name__, err.name, err)
try:
    open("/nonexistent/file.txt")
except OSError as err:
    print(type(err).__name__, err.errno, err.strerror, err.filename)
stop = StopIteration(42)
print(stop.value, SystemExit(3).code, SystemExit().code)
