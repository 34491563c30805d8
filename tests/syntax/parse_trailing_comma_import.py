from x import (a, b), c
