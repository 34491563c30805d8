print("broken helper starts")
PARTIAL = True
raise RuntimeError("helper failed during import")
