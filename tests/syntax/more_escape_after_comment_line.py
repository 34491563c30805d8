x = '\N'  # comment
