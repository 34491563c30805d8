from a import (b,)
