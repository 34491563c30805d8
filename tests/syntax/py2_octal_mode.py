os.chmod(p, 0755)
