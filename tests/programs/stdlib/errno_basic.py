import errno
print(errno.ENOENT, errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EEXIST)
print(errno.errorcode[errno.ENOENT], errno.errorcode[11])
print(sorted(k for k in dir(errno) if k.startswith('E')) == sorted(k for k in errno.__dict__ if k.startswith('E')))
print(len(errno.errorcode))
print(list(errno.errorcode.items())[:10])
