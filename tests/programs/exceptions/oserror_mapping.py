# OSError constructor picks the subclass from errno; attributes and str().
import errno
for code in (errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EISDIR, errno.ENOTDIR, errno.EPIPE, errno.EAGAIN, errno.ECHILD, errno.ETIMEDOUT, 9999):
    e = OSError(code, "message text")
    print(code, type(e).__name__, e.errno, e.strerror, str(e))
e = OSError(errno.ENOENT, "No such file", "a.txt")
print(type(e).__name__, str(e), e.filename, e.args)
e = OSError(errno.EXDEV, "cross device", "src", None, "dst")
print(type(e).__name__, str(e), e.filename2)
print(str(OSError()), str(OSError("just one")), OSError("a", "b", "c", "d", "e", "f").args)
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError), issubclass(TimeoutError, OSError))
try:
    open("/definitely/not/here.txt")
except FileNotFoundError as err:
    print(type(err).__name__, err.errno, err.strerror, err.filename, err)
try:
    open("/", "r").read()
except IsADirectoryError as err:
    print(type(err).__name__, err)
