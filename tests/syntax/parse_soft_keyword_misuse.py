match = case x
