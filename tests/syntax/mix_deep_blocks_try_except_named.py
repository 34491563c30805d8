try:
    try:
        try:
            try:
                try:
                    try:
                        try:
                            try:
                                try:
                                    try:
                                        try:
                                            pass
                                        except E as e:
                                            pass
                                    except E as e:
                                        pass
                                except E as e:
                                    pass
                            except E as e:
                                pass
                        except E as e:
                            pass
                    except E as e:
                        pass
                except E as e:
                    pass
            except E as e:
                pass
        except E as e:
            pass
    except E as e:
        pass
except E as e:
    pass
