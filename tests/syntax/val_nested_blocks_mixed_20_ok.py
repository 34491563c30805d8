while x:
    for i in x:
        while x:
            for i in x:
                while x:
                    for i in x:
                        while x:
                            for i in x:
                                while x:
                                    for i in x:
                                        while x:
                                            for i in x:
                                                while x:
                                                    for i in x:
                                                        while x:
                                                            for i in x:
                                                                while x:
                                                                    for i in x:
                                                                        while x:
                                                                            for i in x:
                                                                                pass
